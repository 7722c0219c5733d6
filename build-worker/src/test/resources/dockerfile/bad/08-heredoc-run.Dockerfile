# expect: DOCKERFILE_UNSUPPORTED
# mentions: line 5
# mentions: heredoc
FROM fedora:40
RUN <<EOF
set -e
dnf -y install make
EOF
LABEL com.redhat.component="foo-container" name="fedora/foo" version="1.0"
