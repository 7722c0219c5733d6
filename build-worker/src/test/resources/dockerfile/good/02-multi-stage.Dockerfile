# Multi-stage: a builder, a scratch stage used as a file bucket, an external tools image and the final stage.
# pin: registry.example.com/golang:1.22 -> registry.example.com/golang@sha256:2222222222222222222222222222222222222222222222222222222222222222
# pin: registry.example.com/ubi9/ubi-minimal:latest -> registry.example.com/ubi9/ubi-minimal@sha256:3333333333333333333333333333333333333333333333333333333333333333
FROM --platform=linux/amd64 registry.example.com/golang:1.22 AS Builder
WORKDIR /src
COPY . .
RUN go build -o /out/app ./cmd/app

FROM scratch AS bucket
COPY --from=builder /out/app /app

FROM builder AS tested
RUN go test ./...

from registry.example.com/ubi9/ubi-minimal:latest
COPY --from=bucket /app /usr/bin/app
COPY --from=0 /src/LICENSE /licenses/LICENSE
COPY --from=registry.example.com/tools/certs:1 /etc/pki/ca.pem /etc/pki/ca.pem
LABEL com.redhat.component=app-container name=apps/app version=2.3 release=7
USER 1001
ENTRYPOINT ["/usr/bin/app"]
