# expect: DOCKERFILE_SYNTAX
# mentions: line 6
# mentions: line continuation
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
RUN dnf -y install make && \
