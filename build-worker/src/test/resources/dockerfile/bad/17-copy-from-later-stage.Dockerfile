# expect: DOCKERFILE_BAD_STAGE
# mentions: line 6
# mentions: --from=tools
# mentions: line 7
FROM fedora:40
COPY --from=tools /bin/t /bin/t
FROM fedora:40 AS tools
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
