# expect: LABEL_MISSING
# mentions: line 7
# mentions: 'name'
# mentions: written literally
FROM fedora:40
ARG NAME=fedora/foo
LABEL com.redhat.component="foo-container" name="$NAME" version="1.0"
