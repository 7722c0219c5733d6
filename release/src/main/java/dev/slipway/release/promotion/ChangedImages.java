package dev.slipway.release.promotion;

import dev.slipway.common.error.ErrorCode;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.process.CommandResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code --since <rev>} filter: images whose entry in {@code images/<x>/images.yaml} differs between
 * {@code rev} and HEAD (new or changed dmap), and every image of {@code <x>} whose promoter manifest changed.
 */
final class ChangedImages {
    private ChangedImages() {
    }

    static ImageFilter since(Path checkout, String rev, List<ThinManifest> current) {
        GitCli git = new GitCli(checkout, Map.of());
        String commit = git.output("rev-parse", "--verify", "--quiet", rev + "^{commit}").strip();
        Set<String> files = git.output("diff", "--name-only", commit, "HEAD", "--", "manifests", "images").lines()
                .collect(Collectors.toSet());
        Set<String> changed = new HashSet<>();
        for (ThinManifest manifest : current) {
            boolean registriesChanged = files.contains("manifests/" + manifest.id() + "/"
                    + ThinManifestReader.PROMOTER_MANIFEST);
            if (!registriesChanged && !files.contains(manifest.imagesFile())) {
                continue;
            }
            Map<String, ImageEntry> before = registriesChanged ? Map.of()
                    : previous(git, commit, manifest.imagesFile());
            for (ImageEntry image : manifest.images()) {
                ImageEntry old = before.get(image.name());
                if (old == null || !old.dmap().equals(image.dmap())) {
                    changed.add(manifest.id() + "\0" + image.name());
                }
            }
        }
        return (manifestId, image) -> changed.contains(manifestId + "\0" + image);
    }

    /** The images of the file at {@code commit}; none when it did not exist or did not parse then. */
    private static Map<String, ImageEntry> previous(GitCli git, String commit, String file) {
        CommandResult old = git.run("show", commit + ":" + file);
        if (old.exitCode() != 0) {
            return Map.of();
        }
        List<ManifestProblem> problems = new ArrayList<>();
        List<ImageEntry> images = ImagesParser.parse(old.stdout(), file, problems);
        if (!problems.isEmpty()) {
            return Map.of();
        }
        try {
            return images.stream().collect(Collectors.toMap(ImageEntry::name, i -> i));
        } catch (IllegalStateException e) {
            throw new SlipwayException(ErrorCode.PROMOTION_GIT_FAILED, "Tried to read " + file + " at " + commit
                    + " but could not: " + e.getMessage(), e);
        }
    }
}
