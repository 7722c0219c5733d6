# expect: DOCKERFILE_SYNTAX
# mentions: line 6
# mentions: SHELL
# mentions: JSON
FROM fedora:40
SHELL /bin/bash -c
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
