# syntax=docker/dockerfile:1.7
# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 1
# mentions: docker/dockerfile:1.7
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
