package dev.slipway.testing.image;

import dev.slipway.common.process.Command;
import dev.slipway.testing.rpm.BuiltRpm;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BaseImageFixtureIT {
    private final BaseImageFixture fixture = new BaseImageFixture();

    private static String runIn(BaseImage image, String... command) {
        List<String> docker = new java.util.ArrayList<>(List.of("/usr/bin/docker", "run", "--rm", "--network",
                "none", image.reference()));
        docker.addAll(Arrays.asList(command));
        return Command.of(docker).output();
    }

    @Test
    void standard_rpmInsideTheImageListsExactlyTheFixturePackages() {
        BaseImage image = fixture.standard();
        List<String> listed = runIn(image, "rpm", "-qa", "--qf", "%{NEVRA}\\n").lines().sorted().toList();
        assertEquals(image.nevras(), listed);
        assertTrue(image.id().startsWith("sha256:"), image.id());
    }

    @Test
    void standard_imageHasAShellAndTheInstalledFiles() {
        BaseImage image = fixture.standard();
        BuiltRpm alpha = image.packages().get(0);
        String out = runIn(image, "sh", "-c", "cat " + alpha.spec().installedFile() + "; readlink /var/lib/rpm");
        assertEquals("slipway-alpha 1.0-1\n../../usr/lib/sysimage/rpm\n", out);
    }

    @Test
    void standard_secondBuild_returnsTheSameImage() {
        assertEquals(fixture.standard().id(), new BaseImageFixture().standard().id());
    }

    @Test
    void benchmark_150_imageHoldsAllPackages() {
        BaseImage image = fixture.benchmark(150);
        List<String> listed = runIn(image, "rpm", "-qa", "--qf", "%{NEVRA}\\n").lines().sorted().toList();
        assertEquals(150, listed.size());
        assertEquals(image.nevras(), listed);
    }
}
