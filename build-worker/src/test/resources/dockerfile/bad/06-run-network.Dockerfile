# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 6
# mentions: --network
FROM fedora:40
RUN echo ok
RUN --network=none make
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
