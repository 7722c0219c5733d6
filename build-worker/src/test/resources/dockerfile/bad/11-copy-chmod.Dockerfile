# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 5
# mentions: --chmod
FROM fedora:40
COPY --chown=1001:0 --chmod=755 run.sh /run.sh
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
