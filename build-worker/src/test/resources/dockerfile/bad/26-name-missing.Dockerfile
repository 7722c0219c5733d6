# expect: LABEL_MISSING
# mentions: 'name'
# mentions: missing
FROM fedora:40
LABEL com.redhat.component="foo-container" version="1.0"
