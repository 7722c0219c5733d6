# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 6
# mentions: --mount
# mentions: BuildKit
FROM fedora:40
RUN --mount=type=cache,target=/var/cache/dnf dnf -y install make
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
