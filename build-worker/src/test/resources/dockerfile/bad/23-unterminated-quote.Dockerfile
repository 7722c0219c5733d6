# expect: DOCKERFILE_SYNTAX
# mentions: line 6
# mentions: unterminated double quote
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
LABEL summary="missing the end
