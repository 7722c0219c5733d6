# expect: LABEL_INVALID
# mentions: line 7
# mentions: 'release'
# mentions: 'v3'
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
LABEL release="v3"
