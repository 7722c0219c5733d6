package dev.slipway.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;

/** Request bodies that stream a blob with an exact {@code Content-Length} (the JDK forbids setting it by hand). */
final class UploadBodies {
    private UploadBodies() {
    }

    static HttpRequest.BodyPublisher of(BlobSource blob) {
        HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return blob.open();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not open blob " + blob.digest(), e);
            }
        });
        return HttpRequest.BodyPublishers.fromPublisher(stream, blob.size());
    }
}
