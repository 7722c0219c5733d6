# expect: DOCKERFILE_BAD_BASE_IMAGE
# mentions: line 6
# mentions: $BASE
# mentions: empty image name
ARG BASE
FROM $BASE
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
