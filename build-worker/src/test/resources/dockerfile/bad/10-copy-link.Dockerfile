# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 5
# mentions: --link
FROM fedora:40
COPY --link app /app
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
