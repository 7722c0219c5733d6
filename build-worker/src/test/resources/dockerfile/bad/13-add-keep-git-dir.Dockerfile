# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 5
# mentions: --keep-git-dir
FROM fedora:40
ADD --keep-git-dir=true https://example.com/repo.git /src
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
