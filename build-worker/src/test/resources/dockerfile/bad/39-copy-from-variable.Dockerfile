# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 5
# mentions: --from=${STAGE}
FROM fedora:40
COPY --from=${STAGE} /a /a
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
