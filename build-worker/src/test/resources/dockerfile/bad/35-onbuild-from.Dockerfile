# expect: DOCKERFILE_SYNTAX
# mentions: line 5
# mentions: ONBUILD cannot trigger FROM
FROM fedora:40
ONBUILD FROM fedora:41
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
