# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 5
# mentions: heredoc
FROM fedora:40
COPY <<EOF /etc/app.conf
key=value
EOF
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
