# Exec (JSON) forms everywhere they are allowed, plus a shell test that merely starts with '['.
# pin: registry.example.com/alpine:3.20 -> registry.example.com/alpine@sha256:6666666666666666666666666666666666666666666666666666666666666666
FROM registry.example.com/alpine:3.20
SHELL ["/bin/sh", "-eu", "-c"]
COPY ["conf files/app.conf", "/etc/app/app.conf"]
ADD ["https://example.com/data.tar", "/data/"]
VOLUME ["/var/lib/app", "/var/log/app"]
RUN [ -f /etc/app/app.conf ] && echo configured
RUN ["/bin/sh", "-c", "echo \"exec form\" > /tmp/x"]
HEALTHCHECK --interval=30s --timeout=3s CMD ["/usr/bin/app", "health"]
ONBUILD COPY ["src", "/src"]
ENV PATH="/opt/app/bin:${PATH}" APP_HOME=/opt/app
LABEL com.redhat.component="json-app" name="tools/json-app" version="0.9" \
      home="$APP_HOME"
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/bin/app"]
CMD []
