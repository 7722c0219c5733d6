# expect: LABEL_MISSING
# mentions: 'version'
# mentions: missing
FROM fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo"
