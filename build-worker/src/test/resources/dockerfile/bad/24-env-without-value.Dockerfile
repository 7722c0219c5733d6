# expect: DOCKERFILE_SYNTAX
# mentions: line 5
# mentions: ENV PATHONLY has no value
FROM fedora:40
ENV PATHONLY
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
