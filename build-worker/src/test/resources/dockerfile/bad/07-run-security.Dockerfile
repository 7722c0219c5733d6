# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 5
# mentions: --security
FROM fedora:40
RUN --security=insecure mount -t tmpfs x /mnt
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
