# expect: DOCKERFILE_BAD_STAGE
# mentions: line 7
# mentions: 'build'
# mentions: line 5
FROM fedora:40 AS build
RUN make
FROM fedora:40 AS Build
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
