# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 7
# mentions: ${VERSION:?
# mentions: modifier '?'
FROM fedora:40
ARG VERSION
LABEL version="${VERSION:?set VERSION}"
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
