# Global ARGs choose the parent; the version label comes from an ARG redeclared in the stage, release from ENV.
# pin: quay.example.com/base/fedora:40 -> quay.example.com/base/fedora@sha256:4444444444444444444444444444444444444444444444444444444444444444
ARG REGISTRY=quay.example.com
ARG IMAGE=${REGISTRY}/base/fedora
ARG TAG
ARG VERSION=5.4.1
FROM ${IMAGE}:${TAG:-40}
ARG VERSION
ENV APP_RELEASE=12.fc40
LABEL com.redhat.component="bar-container" name="fedora/bar" \
      version="$VERSION" release="${APP_RELEASE}" \
      description="bar ${VERSION} for Fedora"
RUN echo "$VERSION" > /etc/bar-version
