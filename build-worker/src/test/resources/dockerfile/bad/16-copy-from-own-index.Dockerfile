# expect: DOCKERFILE_BAD_STAGE
# mentions: line 7
# mentions: --from=1
# mentions: its own stage
FROM fedora:40 AS build
FROM fedora:40
COPY --from=1 /out /out
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
