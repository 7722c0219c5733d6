package dev.slipway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.testing.distgit.DistGitRepo;
import dev.slipway.testing.rpm.FixtureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The console watching a real build: a worker daemon runs the engine, and the task page, opened before the
 * engine's RUN step prints anything, shows its lines as they come, without a reload; then the build page shows
 * the image by digest as the registry has it.
 */
@ExtendWith(E2eExtension.class)
class ConsoleBuildIT {
    @Test
    void taskPage_showsTheEnginesLinesLive_andTheBuildPageThePullSpecByDigest(E2eEnvironment env) throws IOException {
        String marker = "slipway-console-" + System.nanoTime();
        DistGitRepo repo = env.component("watched", "1.0", "for i in 1 2 3 4 5 6; do echo " + marker
                + "-$i; sleep 1; done");
        Path profile = Files.createTempDirectory("slipway-e2e-chromium-");
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1280,900");
        ChromeDriver web = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build(), o);
        try {
            long id = env.submit(repo.source(repo.head()), Map.of());
            web.get(env.hubUri() + "/console/tasks/" + id);
            web.executeScript("window.slipwayNoReload = 1;");
            Waits.until(Duration.ofMinutes(3), "the first engine line on the page",
                    () -> web.findElement(By.id("log")).getText().contains(marker + "-1"),
                    () -> web.findElement(By.id("log")).getText() + "\n" + env.log(id));
            assertFalse(web.findElement(By.id("log")).getText().contains(marker + "-6"),
                    "the page was open before the last line was printed");
            Waits.until(Duration.ofSeconds(30), "the last engine line on the page",
                    () -> web.findElement(By.id("log")).getText().contains(marker + "-6"),
                    () -> web.findElement(By.id("log")).getText());
            assertEquals(1L, web.executeScript("return window.slipwayNoReload;"), "the lines came without a reload");
            JsonNode task = env.awaitTask(id, Duration.ofMinutes(3), "CLOSED", "FAILED", "CANCELED");
            assertEquals("CLOSED", task.path("state").asText(), () -> env.log(id));
            Waits.until(Duration.ofSeconds(10), "the page to say the task finished",
                    () -> web.findElement(By.id("log-status")).getText().contains("finished"));

            JsonNode build = env.http.get("/api/v1/builds/" + task.path("build_id").asText());
            String digest = build.path("images").get(0).path("digest").asText();
            web.get(env.hubUri() + "/koji/buildinfo?buildID=" + build.path("id").asText());
            String pull = web.findElement(By.id("pull-specs")).getText();
            assertTrue(pull.contains(env.registry.hostPort() + "/slipway/watched@" + digest), pull);
            assertTrue(web.findElements(By.cssSelector("table.rpms tbody tr")).size() > 0, "its RPMs");
            Path shots = Files.createDirectories(Path.of("target", "console-screenshots"));
            Files.write(shots.resolve("e2e-build-1280.png"), web.getScreenshotAs(OutputType.BYTES));
        } finally {
            web.quit();
            FixtureFiles.deleteTree(profile);
        }
    }
}
