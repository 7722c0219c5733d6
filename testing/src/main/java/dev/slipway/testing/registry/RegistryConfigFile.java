package dev.slipway.testing.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the {@code config.yml} for {@code docker-registry serve} (distribution 2.8) in one of three modes. */
final class RegistryConfigFile {
    static final String REALM = "slipway-test-registry";

    private RegistryConfigFile() {
    }

    static Path write(Path dir, int port, String secret, AuthMode mode, TokenServer tokens) throws IOException {
        StringBuilder yaml = new StringBuilder()
                .append("version: 0.1\n")
                .append("log:\n  level: info\n  accesslog:\n    disabled: false\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(quote(storage(dir))).append('\n')
                .append("  delete:\n    enabled: true\n")
                // No background purging while tests look at the storage directory.
                .append("  maintenance:\n    uploadpurging:\n      enabled: false\n")
                .append("http:\n  addr: 127.0.0.1:").append(port).append('\n')
                .append("  secret: ").append(quote(secret)).append('\n');
        switch (mode) {
            case OPEN -> { }
            case BASIC -> yaml.append("auth:\n  htpasswd:\n    realm: ").append(REALM)
                    .append("\n    path: ").append(quote(dir.resolve("htpasswd"))).append('\n');
            case TOKEN -> yaml.append("auth:\n  token:\n")
                    .append("    realm: ").append(quote(tokens.realm())).append('\n')
                    .append("    service: ").append(quote(tokens.service())).append('\n')
                    .append("    issuer: ").append(quote(tokens.issuer())).append('\n')
                    .append("    rootcertbundle: ").append(quote(dir.resolve("token-root.pem"))).append('\n');
            default -> throw new IllegalArgumentException(mode.toString());
        }
        Path file = dir.resolve("config.yml");
        Files.writeString(file, yaml);
        return file;
    }

    static Path storage(Path dir) {
        return dir.resolve("storage");
    }

    private static String quote(Object value) {
        return "\"" + value.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
