# expect: DOCKERFILE_BAD_STAGE
# mentions: line 4
# mentions: '2build'
FROM fedora:40 AS 2build
FROM 2build
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
