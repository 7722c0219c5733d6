# expect: DOCKERFILE_BAD_BASE_IMAGE
# mentions: line 4
# mentions: 'Fedora:40'
FROM Fedora:40
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
