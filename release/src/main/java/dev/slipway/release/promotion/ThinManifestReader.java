package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Reads a checkout in the image promoter's thin layout: every {@code manifests/<x>/promoter-manifest.yaml} pairs
 * with {@code images/<x>/images.yaml}. All files are validated before anything is returned; any problem in any
 * file throws one {@link ManifestInvalidException} listing them all.
 */
public final class ThinManifestReader {
    static final String PROMOTER_MANIFEST = "promoter-manifest.yaml";
    static final String IMAGES = "images.yaml";

    private ThinManifestReader() {
    }

    /** The thin manifests of {@code checkout}, sorted by directory name. */
    public static List<ThinManifest> read(Path checkout) {
        List<ManifestProblem> problems = new ArrayList<>();
        Set<String> ids = new TreeSet<>(directories(checkout.resolve("manifests")));
        Set<String> imageIds = directories(checkout.resolve("images"));
        for (String id : imageIds) {
            if (!ids.contains(id)) {
                problems.add(new ManifestProblem(ErrorCode.PROMOTION_LAYOUT_INVALID, "images/" + id, 0,
                        "has no manifests/" + id + "/" + PROMOTER_MANIFEST + " naming its registries"));
            }
        }
        if (ids.isEmpty() && imageIds.isEmpty()) {
            problems.add(new ManifestProblem(ErrorCode.PROMOTION_LAYOUT_INVALID, checkout.toString(), 0,
                    "holds no manifests/<x>/" + PROMOTER_MANIFEST + " (thin manifest layout)"));
        }
        List<ThinManifest> out = new ArrayList<>();
        for (String id : ids) {
            String registriesFile = "manifests/" + id + "/" + PROMOTER_MANIFEST;
            String imagesFile = "images/" + id + "/" + IMAGES;
            if (!Files.isRegularFile(checkout.resolve(registriesFile))) {
                problems.add(new ManifestProblem(ErrorCode.PROMOTION_LAYOUT_INVALID, "manifests/" + id, 0,
                        "has no " + PROMOTER_MANIFEST));
                continue;
            }
            if (!Files.isRegularFile(checkout.resolve(imagesFile))) {
                problems.add(new ManifestProblem(ErrorCode.PROMOTION_LAYOUT_INVALID, "manifests/" + id, 0,
                        "has no " + imagesFile + " listing its images"));
                continue;
            }
            parse(id, read(checkout, registriesFile), read(checkout, imagesFile), problems).ifPresent(out::add);
        }
        if (!problems.isEmpty()) {
            throw new ManifestInvalidException(problems);
        }
        return List.copyOf(out);
    }

    /** One directory pair from its two texts; empty (with problems) when either is invalid. */
    static Optional<ThinManifest> parse(String id, String registriesText, String imagesText,
            List<ManifestProblem> problems) {
        int before = problems.size();
        List<RegistryContext> registries = PromoterManifestParser.parse(registriesText,
                "manifests/" + id + "/" + PROMOTER_MANIFEST, problems);
        List<ImageEntry> images = ImagesParser.parse(imagesText, "images/" + id + "/" + IMAGES, problems);
        if (problems.size() != before) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ThinManifest(id, registries, images));
    }

    private static Set<String> directories(Path parent) {
        Set<String> out = new TreeSet<>();
        if (!Files.isDirectory(parent)) {
            return out;
        }
        try (Stream<Path> children = Files.list(parent)) {
            children.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> Names.DIRECTORY.matcher(name).matches()).forEach(out::add);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_LAYOUT_INVALID,
                    "Tried to list " + parent + " but could not: " + e.getMessage(), e);
        }
        return out;
    }

    private static String read(Path checkout, String relative) {
        try {
            return Files.readString(checkout.resolve(relative), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_LAYOUT_INVALID,
                    "Tried to read " + checkout.resolve(relative) + " but could not: " + e.getMessage(), e);
        }
    }
}
