# A plain single-stage image, as most dist-git repositories have.
# pin: registry.example.com/fedora:40 -> registry.example.com/fedora@sha256:1111111111111111111111111111111111111111111111111111111111111111

FROM registry.example.com/fedora:40

LABEL com.redhat.component="foo-container" \
      name="fedora/foo" \
      version="1.0" \
      summary="The foo tool in a container" \
      maintainer="Foo Maintainers <foo@example.com>"

RUN dnf -y install foo && \
    # clean up so the layer stays small
    dnf clean all

CMD ["/usr/bin/foo", "--serve"]
