# expect: LABEL_INVALID
# mentions: line 6
# mentions: '1.0-2'
# mentions: '-'
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0-2"
