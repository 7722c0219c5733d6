# expect: DOCKERFILE_SYNTAX
# mentions: line 6
# mentions: --user
# mentions: --chown
FROM fedora:40
COPY --user=1001 app /app
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
