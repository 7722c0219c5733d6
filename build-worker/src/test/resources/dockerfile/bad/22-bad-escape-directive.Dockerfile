# escape=/
# expect: DOCKERFILE_SYNTAX
# mentions: line 1
# mentions: '/'
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
