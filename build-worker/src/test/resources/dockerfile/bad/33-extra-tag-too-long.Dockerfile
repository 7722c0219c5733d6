# expect: TAG_TOO_LONG
# mentions: 129 characters
# mentions: ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt
# tag: latest
# tag: ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
LABEL release="1"
