# expect: LABEL_INVALID
# mentions: 'Fedora/Foo Bar'
# mentions: repository path
FROM fedora:40
LABEL com.redhat.component="foo-container" name="Fedora/Foo Bar" version="1.0"
