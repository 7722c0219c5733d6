package dev.slipway.hub.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.slipway.common.hub.Answer;
import dev.slipway.hub.config.HubConfig;
import dev.slipway.hub.fixture.CgSamples;
import dev.slipway.hub.fixture.HubFixture;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/** The console in a real browser against a real hub: what a release engineer and a packager see and can do. */
class ConsoleIT {
    /** Tasks opened by the tests hold builder1 without heartbeats: a lease that outlives any test on a busy machine. */
    private static final int LEASE_SECONDS = 3600;
    @RegisterExtension
    static final HubFixture HUB = HubFixture.withConsole(new HubConfig.Console(null, null, null,
            List.of("127.0.0.1")), t -> new HubConfig.Tasks(t.channel(), t.defaultPriority(), t.weight(), LEASE_SECONDS,
            t.maxClaimWaitMs(), t.recheckMs()));
    private static final String XSS = "<script>document.title='pwned'</script><b id=\"xss\">bold</b>";
    private static Browser browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = new Browser();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    /** Each test starts signed out, on the desktop size, with an empty queue. */
    @BeforeEach
    void reset() {
        browser.width(0);
        go("/console/");
        web().manage().deleteAllCookies();
        for (JsonNode t : call("GET", "/api/v1/tasks?state=active&limit=1000", null).json().get("items")) {
            call("POST", "/api/v1/tasks/" + t.get("id").asLong() + "/cancel", HUB.token("root"), null);
        }
    }

    @Test
    void signInAndOut_showsTheUserThenTheSignInLinkAgain() {
        signIn("alice");
        assertEquals("alice", web().findElement(By.id("signed-in-as")).getText());
        web().findElement(By.id("signout")).click();
        waitFor(() -> !web().findElements(By.id("signin")).isEmpty());
        assertTrue(web().findElements(By.id("signed-in-as")).isEmpty());

        go("/console/signin");
        web().findElement(By.id("token")).sendKeys("not-a-token");
        web().findElement(By.id("signin-submit")).click();
        // The refusal is a new page: wait for it rather than race the form's navigation.
        waitFor(() -> !web().findElements(By.id("signin-error")).isEmpty());
        assertTrue(text(By.id("signin-error")).contains("unknown or revoked"));
    }

    @Test
    void taskPage_showsItsLogAndALineAppendedLaterAppearsWithoutReload_asText() {
        long id = running("alice", "foo");
        appendLog(id, "Step 1/3 : FROM base", XSS);
        go("/koji/taskinfo?taskID=" + id);
        assertTrue(web().getCurrentUrl().endsWith("/console/tasks/" + id), web().getCurrentUrl());
        assertEquals("Task " + id, text(By.tagName("h1")));
        assertEquals("OPEN", text(By.id("task-state")));
        assertTrue(text(By.id("log")).contains("Step 1/3 : FROM base"));
        assertTrue(text(By.id("log")).contains(XSS), "the markup shows as text");
        assertTrue(web().findElements(By.id("xss")).isEmpty());
        assertFalse(web().getTitle().contains("pwned"));

        Object marker = web().executeScript("window.slipwayNoReload = 42; return window.slipwayNoReload;");
        assertEquals(42L, marker);
        appendLog(id, "Step 2/3 : RUN make", XSS + " again");
        waitFor(() -> text(By.id("log")).contains("Step 2/3 : RUN make"));
        assertTrue(text(By.id("log")).contains(XSS + " again"));
        assertTrue(web().findElements(By.id("xss")).isEmpty());
        assertEquals(42L, web().executeScript("return window.slipwayNoReload;"), "the page was not reloaded");
        pageFits("task");
    }

    @Test
    void tasks_filterByStateMethodOwnerHostAndChannel_andPage() {
        long open = running("grace", "foo");
        long free = HUB.submit("alice", "foo", Map.of());
        long canceled = HUB.submit("alice", "foo", Map.of());
        call("POST", "/api/v1/tasks/" + canceled + "/cancel", HUB.token("alice"), null);
        go("/console/tasks");
        web().findElement(By.cssSelector("select[name=state] option[value=CANCELED]")).click();
        web().findElement(By.name("owner")).sendKeys("alice");
        web().findElement(By.cssSelector("form.filters button")).click();
        waitFor(() -> web().getCurrentUrl().contains("state=CANCELED"));
        assertEquals(List.of(canceled), listedTasks());
        for (String[] q : new String[][] {{"state=active&owner=alice", String.valueOf(free)},
                {"state=free&owner=alice", String.valueOf(free)}, {"state=open&host=builder1", String.valueOf(open)},
                {"state=canceled&owner=alice&method=buildContainer", String.valueOf(canceled)},
                {"state=active&owner=grace&channel=container", String.valueOf(open)}}) {
            go("/console/tasks?" + q[0]);
            assertEquals(List.of(Long.parseLong(q[1])), listedTasks(), q[0]);
        }
        go("/console/tasks?state=all&method=createImage");
        assertEquals(List.of(), listedTasks());
        assertTrue(text(By.id("task-empty")).startsWith("No task matches"), text(By.tagName("main")));
        go("/console/tasks?state=assigned");
        assertEquals(List.of(), listedTasks(), "no task is claimed and unopened");
        go("/console/tasks?state=sleeping");
        assertEquals("Error 400", text(By.tagName("h1")));

        for (int i = 0; i < 51; i++) {
            HUB.submit("grace", "foo", Map.of());
        }
        go("/console/tasks?state=FREE&owner=grace");
        assertEquals("51 tasks", text(By.id("task-count")));
        assertEquals(50, listedTasks().size());
        web().findElement(By.id("older")).click();
        waitFor(() -> web().getCurrentUrl().contains("offset=50"));
        assertEquals(1, listedTasks().size());
        assertTrue(web().getCurrentUrl().contains("owner=grace") && web().getCurrentUrl().contains("state=FREE"),
                "the next page keeps the filters: " + web().getCurrentUrl());
    }

    @Test
    void admin_freesATaskFromItsPage_andResubmitsACanceledOne() {
        long id = running("alice", "foo");
        signIn("root");
        go("/console/tasks/" + id);
        web().findElement(By.id("action-free")).click();
        waitFor(() -> text(By.id("task-state")).equals("FREE"));
        assertEquals("FREE", call("GET", "/api/v1/tasks/" + id, null).json().get("state").asText());
        web().findElement(By.id("action-cancel")).click();
        waitFor(() -> text(By.id("task-state")).equals("CANCELED"));
        web().findElement(By.id("action-resubmit")).click();
        waitFor(() -> !web().getCurrentUrl().endsWith("/console/tasks/" + id));
        long copy = Long.parseLong(web().getCurrentUrl().replaceAll(".*/console/tasks/", ""));
        assertEquals("FREE", text(By.id("task-state")));
        assertEquals(id, call("GET", "/api/v1/tasks/" + copy, null).json().get("resubmitted_from").asLong());
        assertTrue(text(By.tagName("main")).contains("Resubmitted from"));
    }

    @Test
    void waitingTask_saysItsOnlyHostIsNotReady_withItsLastHeartbeat() {
        String token = HUB.addHost("arm2", List.of("aarch64"), 4.0);
        assertEquals(200, call("POST", "/api/v1/host/register", token, Map.of("ready", false)).status());
        try {
            long id = HUB.submit("alice", "foo", Map.of("scratch", true, "arch_override", "aarch64"));
            go("/console/tasks/" + id);
            String why = text(By.id("why-waiting"));
            assertTrue(why.contains("No enabled host for it is ready: arm2 (last heartbeat") && why.contains("ago)"),
                    why);
            // A waiting task's timeline says what has not happened yet, rather than leaving blanks.
            assertEquals("not yet", text(By.id("time-assigned")));
            assertEquals("not yet", text(By.id("time-opened")));
            assertEquals("not yet", text(By.id("time-finished")));
            assertEquals("not started", text(By.id("task-time")));
        } finally {
            // Out of the way of the other aarch64 test: disabled, and building an arch no test asks for.
            HUB.admin("PATCH", "/api/v1/hosts/arm2", Map.of("enabled", false, "arches", List.of("s390x")));
        }
    }

    @Test
    void cancelOnTheTaskPage_cancelsTheTask() {
        long id = HUB.submit("alice", "foo", Map.of());
        signIn("alice");
        go("/console/tasks/" + id);
        assertTrue(web().findElements(By.id("action-free")).isEmpty(), "free is for admins");
        web().findElement(By.id("action-cancel")).click();
        waitFor(() -> text(By.id("task-state")).equals("CANCELED"));
        assertEquals("CANCELED", call("GET", "/api/v1/tasks/" + id, null).json().get("state").asText());
        assertTrue(text(By.id("task-fault")).contains("canceled by alice"));
    }

    @Test
    void waitingTask_saysTheOnlyHostOfItsArchIsFull_thenThatItIsDisabled() {
        // A task for an arch no host of the channel has is refused at submission (ARCH_NO_HOST), so the page's
        // "no host builds it" reason (WaitReasonsTest) needs a farm that changed after submission.
        HUB.addHost("arm1", List.of("aarch64"), 1.0);
        long id = HUB.submit("alice", "foo", Map.of("scratch", true, "arch_override", "aarch64"));
        go("/console/tasks/" + id);
        assertTrue(text(By.id("why-waiting")).contains("full for its weight 2: arm1 load 0/1"),
                text(By.id("why-waiting")));
        HUB.admin("PATCH", "/api/v1/hosts/arm1", Map.of("enabled", false));
        go("/console/tasks/" + id);
        assertTrue(text(By.id("why-waiting")).contains("for aarch64 is disabled: arm1"), text(By.id("why-waiting")));
        HUB.admin("PATCH", "/api/v1/hosts/arm1", Map.of("enabled", true, "arches", List.of("ppc64le")));
        go("/console/tasks/" + id);
        assertTrue(text(By.id("why-waiting")).contains("No host in channel container builds aarch64"),
                text(By.id("why-waiting")));
        HUB.admin("PATCH", "/api/v1/hosts/arm1", Map.of("enabled", false));
    }

    @Test
    void packager_seesNoAdminAction_andAForgedAdminPostIs403AndChangesNothing() {
        long id = running("alice", "foo");
        signIn("bob");
        go("/console/tasks/" + id);
        assertTrue(web().findElements(By.id("task-actions")).isEmpty(), "bob owns nothing here and is no admin");
        String csrf = web().findElement(By.name("csrf")).getAttribute("value");
        assertEquals(403L, post("/console/tasks/" + id + "/free", "csrf=" + csrf));
        assertEquals(403L, post("/console/tasks/" + id + "/cancel", "csrf=" + csrf));
        assertEquals("OPEN", call("GET", "/api/v1/tasks/" + id, null).json().get("state").asText());
        assertEquals(403L, post("/console/tasks/" + id + "/priority", "csrf=" + csrf + "&priority=1"));
        assertEquals(20, call("GET", "/api/v1/tasks/" + id, null).json().get("priority").asInt());

        go("/console/hosts/builder1");
        assertTrue(web().findElements(By.id("host-actions")).isEmpty(), "hosts are for admins");
        assertEquals(403L, post("/console/hosts/builder1/disable", "csrf=" + csrf));
        assertEquals(403L, post("/console/hosts/builder1/capacity", "csrf=" + csrf + "&capacity=1"));
        JsonNode host = call("GET", "/api/v1/hosts/builder1", null).json();
        assertTrue(host.get("enabled").asBoolean());
        go("/console/users");
        assertTrue(web().findElements(By.id("tokens")).isEmpty(), "tokens are for admins");
        int before = call("GET", "/api/v1/tokens", HUB.token("root")).json().size();
        assertEquals(403L, post("/console/tokens", "csrf=" + csrf + "&user=bob"));
        assertEquals(before, call("GET", "/api/v1/tokens", HUB.token("root")).json().size());
    }

    @Test
    void taskPage_showsTheTimelineAndTheCommitLink_andRelengChangesThePriority() {
        long id = running("alice", "foo");
        go("/console/tasks/" + id);
        assertFalse(text(By.id("time-assigned")).isEmpty());
        assertFalse(text(By.id("time-opened")).isEmpty());
        assertEquals(HubFixture.SCM + "/foo/commit/?id=" + "a".repeat(40),
                web().findElement(By.cssSelector("#task-src a")).getAttribute("href"));
        assertTrue(web().findElements(By.id("action-priority")).isEmpty(), "anonymous visitors see no action");
        signIn("alice");
        go("/console/tasks/" + id);
        assertTrue(web().findElements(By.id("action-priority")).isEmpty(), "a packager cannot reorder the queue");
        web().manage().deleteAllCookies();
        signIn("rita");
        go("/console/tasks/" + id);
        web().findElement(By.id("priority")).clear();
        web().findElement(By.id("priority")).sendKeys("7");
        web().findElement(By.id("action-priority")).click();
        waitFor(() -> text(By.id("task-priority")).equals("7"));
        assertEquals(7, call("GET", "/api/v1/tasks/" + id, null).json().get("priority").asInt());
    }

    @Test
    void search_findsTheImageWithAnRpmOlderThanAVersion_notOneNewer_andBuildsByNvrTaskAndDigest() {
        long older = closedBuild("foo", "3.0", "1", "openssl:3.0.8-1", "bash:5.2-1");
        long newer = closedBuild("foo", "3.1", "1", "openssl:3.1.4-1", "bash:5.2-1");
        go("/console/search");
        web().findElement(By.id("search-package")).sendKeys("openssl");
        web().findElement(By.id("search-older")).sendKeys("3.0.9-2");
        web().findElement(By.id("search-images")).click();
        waitFor(() -> !web().findElements(By.id("image-matches")).isEmpty());
        String found = text(By.id("image-matches"));
        assertTrue(found.contains("foo-3.0-1") && found.contains("openssl-3.0.8-1.x86_64"), found);
        assertTrue(found.contains("@sha256:"), "the pull spec by digest: " + found);
        assertFalse(found.contains("foo-3.1-1"), found);

        searchFor("foo-3.1-1");
        assertTrue(web().getCurrentUrl().endsWith("/console/builds/" + newer), web().getCurrentUrl());
        String digest = call("GET", "/api/v1/builds/" + older, null).json().get("images").get(0).get("digest")
                .asText();
        searchFor(digest);
        assertTrue(web().getCurrentUrl().endsWith("/console/builds/" + older), web().getCurrentUrl());
        long task = call("GET", "/api/v1/builds/" + older, null).json().get("task_id").asLong();
        searchFor(String.valueOf(task));
        assertTrue(web().getCurrentUrl().endsWith("/console/tasks/" + task), web().getCurrentUrl());
        searchFor("foo-3");
        assertTrue(text(By.id("build-count")).startsWith("2 builds"), text(By.id("build-count")));
        searchFor("sha256:" + "0123456789abcdef".repeat(4));
        assertTrue(text(By.id("search-message")).startsWith("Nothing matches"));
    }

    @Test
    void builds_filterByPackageStateOwnerAndTarget_andTargetsAndTagsShowTheirSettings() {
        long first = closedBuild("foo", "4.0", "1");
        long second = closedBuild("foo", "4.1", "1");
        go("/console/builds?nvr=foo-4.");
        assertEquals("2 builds", text(By.id("build-count")));
        assertTrue(text(By.cssSelector("table.builds tbody tr")).contains("foo-4.1-1"), "newest first");
        go("/console/builds?nvr=foo-4.1");
        assertEquals("1 build", text(By.id("build-count")));
        for (String q : List.of("package=foo&state=complete&nvr=foo-4.", "owner=alice&nvr=foo-4.",
                "target=" + HubFixture.TARGET + "&nvr=foo-4.")) {
            go("/console/builds?" + q);
            assertEquals("2 builds", text(By.id("build-count")), q);
        }
        for (String q : List.of("state=FAILED&nvr=foo-4.", "owner=bob&nvr=foo-4.", "target=f39-container-candidate",
                "package=nothing-like-this")) {
            go("/console/builds?" + q);
            assertEquals("0 builds", text(By.id("build-count")), q);
        }
        go("/console/builds?nvr=foo-4.0");
        web().findElement(By.cssSelector("table.builds td.nvr a")).click();
        waitFor(() -> web().getCurrentUrl().endsWith("/console/builds/" + first));
        assertTrue(second > first);

        go("/console/targets");
        String targets = text(By.id("target-list"));
        assertTrue(targets.contains("f39-container-candidate f40-container-build f39-candidate"), targets);
        go("/console/tags");
        String tags = text(By.id("tag-list"));
        assertTrue(tags.contains("f39-candidate x86_64 locked")
                && tags.contains("f40-container-build x86_64, aarch64 no"), tags);
        go("/console/tags/f39-candidate");
        assertTrue(text(By.id("tag-locked")).startsWith("locked"), text(By.id("tag-locked")));
        String packages = text(By.id("tag-packages"));
        assertTrue(packages.contains("foo") && packages.contains("blocked"), packages);
    }

    @Test
    void hosts_hostinfoLandsOnTheHost_andAnAdminSetsCapacityDisablesAndEnablesIt() {
        go("/console/hosts");
        assertTrue(text(By.id("host-list")).contains("builder1"));
        go("/console/hosts/builder1");
        assertTrue(web().findElements(By.id("host-actions")).isEmpty(), "anonymous visitors see no action");
        String hostId = text(By.id("host-id"));
        go("/koji/hostinfo?hostID=" + hostId);
        assertTrue(web().getCurrentUrl().endsWith("/console/hosts/builder1"), web().getCurrentUrl());
        go("/console/tags/f40-candidate");
        go("/koji/taginfo?tagID=" + text(By.id("tag-id")));
        assertTrue(web().getCurrentUrl().endsWith("/console/tags/f40-candidate"), web().getCurrentUrl());
        go("/koji/hostinfo?hostID=999999");
        assertTrue(text(By.tagName("h1")).equals("Error 404"), text(By.tagName("main")));

        String capacity = call("GET", "/api/v1/hosts/builder1", null).json().get("capacity").asText();
        signIn("root");
        go("/console/hosts/builder1");
        web().findElement(By.id("host-capacity")).clear();
        web().findElement(By.id("host-capacity")).sendKeys("3");
        web().findElement(By.id("host-capacity-set")).click();
        waitFor(() -> text(By.id("host-load")).endsWith("/3"));
        web().findElement(By.id("host-disable")).click();
        waitFor(() -> text(By.id("host-enabled")).equals("no"));
        assertFalse(call("GET", "/api/v1/hosts/builder1", null).json().get("enabled").asBoolean());
        web().findElement(By.id("host-enable")).click();
        waitFor(() -> text(By.id("host-enabled")).equals("yes"));
        HUB.admin("PATCH", "/api/v1/hosts/builder1", Map.of("capacity", Double.parseDouble(capacity)));
    }

    @Test
    void admin_createsATokenShownOnlyOnce_andRevokesIt() {
        signIn("root");
        go("/console/users");
        web().findElement(By.id("token-user")).sendKeys("bob");
        web().findElement(By.id("token-description")).sendKeys("made in the console");
        web().findElement(By.id("token-create")).click();
        waitFor(() -> !web().findElements(By.id("new-token")).isEmpty());
        String token = text(By.id("new-token"));
        assertEquals(200, call("GET", "/api/v1/whoami", token).status());
        go("/console/users");
        assertTrue(web().findElements(By.id("new-token")).isEmpty());
        assertFalse(web().getPageSource().contains(token), "the secret is never shown again");
        long made = 0;
        for (JsonNode t : call("GET", "/api/v1/tokens", HUB.token("root")).json()) {
            if ("made in the console".equals(t.get("description").asText())) {
                made = t.get("id").asLong();
            }
        }
        String revoke = "revoke-" + made;
        web().findElement(By.id(revoke)).click();
        waitFor(() -> web().findElements(By.id(revoke)).isEmpty());
        assertEquals(401, call("GET", "/api/v1/whoami", token).status());
    }

    @Test
    void summary_showsRunningTasksWithTheirHost_andRecentFailuresWithTheirReason() {
        long open = running("alice", "foo");
        long failed = running("grace", "foo");
        assertEquals(204, call("POST", "/api/v1/host/tasks/" + failed + "/fail", HUB.token("builder1"), Map.of(
                "fault", Map.of("code", 5001, "name", "ENGINE_BUILD_FAILED", "message", "RUN false returned 1")))
                .status());
        go("/console/");
        String running = text(By.id("running"));
        assertTrue(running.contains(open + " OPEN alice builder1"), running);
        String failures = text(By.id("failures"));
        assertTrue(failures.contains("Task " + failed + " (grace): ENGINE_BUILD_FAILED: RUN false returned 1"), failures);
    }

    @Test
    void summary_showsANewTaskWithoutReload() {
        go("/console/");
        assertTrue(text(By.id("health")).contains("container"), "cluster health per channel and arch");
        String before = text(By.id("count-FREE"));
        web().executeScript("window.slipwayNoReload = 7;");
        HUB.submit("alice", "foo", Map.of());
        waitFor(() -> !text(By.id("count-FREE")).equals(before));
        assertEquals(7L, web().executeScript("return window.slipwayNoReload;"), "the page was not reloaded");
    }

    @Test
    void sessionCookie_isSecureOnlyWhenATrustedProxySaysTheBrowserCameOverTls() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI signin = URI.create("http://127.0.0.1:" + HUB.hub().port() + "/console/signin");
        HttpResponse<String> tls = client.send(HttpRequest.newBuilder(signin).header("X-Forwarded-Proto", "https")
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> plain = client.send(HttpRequest.newBuilder(signin).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(tls.headers().allValues("set-cookie").stream().allMatch(c -> c.contains("Secure")),
                tls.headers().toString());
        assertFalse(plain.headers().allValues("set-cookie").isEmpty());
        assertTrue(plain.headers().allValues("set-cookie").stream().noneMatch(c -> c.contains("Secure")),
                plain.headers().toString());
    }

    private void searchFor(String q) {
        go("/console/search");
        web().findElement(By.id("search-q")).sendKeys(q);
        web().findElement(By.id("search-go")).click();
        waitFor(() -> !web().getCurrentUrl().endsWith("/console/search"));
    }

    @Test
    void postWithoutTheCsrfToken_isRefusedAndChangesNothing() {
        long id = HUB.submit("alice", "foo", Map.of());
        signIn("alice");
        go("/console/tasks/" + id);
        assertEquals(403L, post("/console/tasks/" + id + "/cancel", ""));
        assertEquals(403L, post("/console/tasks/" + id + "/cancel", "csrf=forged"));
        assertEquals("FREE", call("GET", "/api/v1/tasks/" + id, null).json().get("state").asText());
    }

    @Test
    void buildPage_showsThePullSpecByDigest_andTheRpmTableFiltersToOnePackage() {
        long buildId = closedBuild("foo", "1.0", "7");
        go("/koji/buildinfo?buildID=" + buildId);
        assertTrue(web().getCurrentUrl().endsWith("/console/builds/" + buildId), web().getCurrentUrl());
        assertEquals("foo-1.0-7", text(By.id("build-nvr")));
        String pull = text(By.id("pull-specs"));
        assertTrue(pull.contains("registry.example/foo@sha256:" + "2".repeat(64)), pull);
        assertTrue(web().getPageSource().contains("org.example.note"));
        assertTrue(web().findElement(By.cssSelector("table.labels")).getText().contains(XSS));
        assertTrue(web().findElements(By.id("xss")).isEmpty());

        List<WebElement> rows = web().findElements(By.cssSelector("table.rpms tbody tr"));
        assertEquals(3, rows.size());
        web().findElement(By.cssSelector("input.rpm-filter")).sendKeys("openssl");
        waitFor(() -> visibleRpmRows().size() == 1);
        assertTrue(visibleRpmRows().get(0).getText().startsWith("openssl"));
        pageFits("build");

        // Without script: the server filters on one column and sorts by rpmvercmp.
        go("/console/builds/" + buildId + "?rpm-field=name&rpm=ZLIB&sort=version");
        assertEquals(1, web().findElements(By.cssSelector("table.rpms tbody tr")).size());
        assertTrue(text(By.cssSelector("table.rpms tbody tr")).startsWith("zlib"));
        go("/console/builds/" + buildId + "?rpm-field=license&rpm=nothing-like-this");
        assertEquals(0, web().findElements(By.cssSelector("table.rpms tbody tr")).size());
        assertTrue(text(By.id("downloads")).contains("RPM manifest"));

        go("/koji/packageinfo?packageName=foo");
        assertTrue(web().getCurrentUrl().endsWith("/console/packages/foo"), web().getCurrentUrl());
        assertTrue(text(By.cssSelector("table.builds")).contains("foo-1.0-7"));
        assertTrue(text(By.id("package-tags")).contains("alice"), "its owner");
    }

    @Test
    void everyPage_fitsA400PixelScreen() {
        long buildId = closedBuild("foo", "2.0", "1");
        long open = running("alice", "foo");
        appendLog(open, "x".repeat(300), "Step 1/3 : FROM registry.example/base@sha256:" + "3".repeat(64));
        long waiting = HUB.submit("alice", "foo", Map.of());
        signIn("root");
        for (String[] page : new String[][] {{"summary", "/console/"}, {"tasks", "/console/tasks?state=all"},
                {"task-waiting", "/console/tasks/" + waiting}, {"task-open", "/console/tasks/" + open},
                {"builds", "/console/builds"}, {"build-page", "/console/builds/" + buildId},
                {"packages", "/console/packages"}, {"package", "/console/packages/foo"},
                {"search", "/console/search?package=openssl&older-than=9-1"}, {"hosts", "/console/hosts"},
                {"host", "/console/hosts/builder1"}, {"targets", "/console/targets"}, {"tags", "/console/tags"},
                {"tag", "/console/tags/f40-candidate"}, {"users", "/console/users"}}) {
            go(page[1]);
            pageFits(page[0]);
        }
        web().manage().deleteAllCookies();
        go("/console/signin");
        pageFits("signin");
    }

    @Test
    void pages_carryTheSecurityHeaders() {
        Answer a = call("GET", "/console/", null);
        assertEquals(200, a.status());
        String csp = a.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertEquals("nosniff", a.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    /** The ids in the task list, in order. */
    private List<Long> listedTasks() {
        return web().findElements(By.cssSelector("#task-list tbody tr td:first-child")).stream()
                .map(td -> Long.parseLong(td.getText())).toList();
    }

    private List<WebElement> visibleRpmRows() {
        return web().findElements(By.cssSelector("table.rpms tbody tr")).stream().filter(WebElement::isDisplayed)
                .toList();
    }

    /** Screenshots at 1280 and 400 px; at 400 px nothing scrolls sideways. */
    private void pageFits(String name) {
        browser.width(0);
        browser.screenshot(name + "-1280");
        browser.width(400);
        web().navigate().refresh();
        Object fits = web().executeScript(
                "return document.scrollingElement.scrollWidth <= window.innerWidth && window.innerWidth === 400;");
        browser.screenshot(name + "-400");
        assertEquals(Boolean.TRUE, fits, name + " scrolls sideways at 400 px: scrollWidth "
                + web().executeScript("return document.scrollingElement.scrollWidth;"));
        browser.width(0);
    }

    /** A task claimed and opened by builder1. */
    private long running(String who, String component) {
        long id = HUB.submit(who, component, Map.of());
        Answer claim = call("POST", "/api/v1/host/claim", HUB.token("builder1"), Map.of("wait_ms", 2000));
        assertEquals(id, claim.json().get("task").get("task_id").asLong(), claim.body());
        assertEquals(200, call("POST", "/api/v1/host/tasks/" + id + "/open", HUB.token("builder1"), null).status());
        return id;
    }

    /** A COMPLETE build closed through the host API (no engine): its id. */
    private long closedBuild(String name, String version, String release) {
        return closedBuild(name, version, release, "openssl:3.0.8-1", "bash:5.2-1", "zlib:1.3-2");
    }

    /** A COMPLETE build whose one image holds {@code rpms} ({@code name:version-release}). */
    private long closedBuild(String name, String version, String release, String... rpms) {
        long id = running("alice", name);
        String host = HUB.token("builder1");
        assertEquals(200, call("POST", "/api/v1/host/tasks/" + id + "/reserve", host,
                Map.of("name", name, "version", version, "release", release)).status());
        String digest = Integer.toHexString(Math.abs((name + version + release).hashCode()) % 16).repeat(64);
        ObjectNode meta = CgSamples.metadata(name, version, release, HubFixture.src(name), null,
                version.equals("1.0") ? "2".repeat(64) : digest, rpms);
        ((ObjectNode) meta.at("/output/0/extra/docker/config/config/Labels")).put("org.example.note", XSS);
        Answer closed = call("POST", "/api/v1/host/tasks/" + id + "/close", host, Map.of(
                "result", Map.of("nvr", name + "-" + version + "-" + release,
                        "tags", Map.of("unique", version + "-" + release)),
                "metadata", meta, "mirror", "/srv/mirror/" + name));
        assertEquals(200, closed.status(), closed.body());
        JsonNode build = call("GET", "/api/v1/builds/" + name + "-" + version + "-" + release, null).json();
        assertNotNull(build.get("id"), build.toString());
        return build.get("id").asLong();
    }

    private void appendLog(long id, String... lines) {
        assertEquals(200, call("POST", "/api/v1/host/tasks/" + id + "/log", HUB.token("builder1"),
                Map.of("lines", List.of(lines))).status());
    }

    private void signIn(String who) {
        go("/console/signin");
        web().findElement(By.id("token")).sendKeys(HUB.token(who));
        web().findElement(By.id("signin-submit")).click();
        waitFor(() -> !web().findElements(By.id("signed-in-as")).isEmpty());
    }

    /** A POST from the page's own origin (as a forged form would send it); its status. */
    private long post(String path, String body) {
        Object status = web().executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: arguments[1], redirect: 'manual'}).then(r => done(r.status), e => done(-1));", path, body);
        return (Long) status;
    }

    private void go(String path) {
        web().get("http://127.0.0.1:" + HUB.hub().port() + path);
    }

    private String text(By by) {
        return web().findElement(by).getText();
    }

    /** Polls {@code condition} for up to 10 s (the live log must show a line well within that). */
    private void waitFor(java.util.function.BooleanSupplier condition) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Waited 10 s in vain on " + web().getCurrentUrl() + ": "
                        + web().findElement(By.tagName("main")).getText());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A condition on a page that may be replaced while it is read (a stale element is "not yet"). */
    private static boolean holds(java.util.function.BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (StaleElementReferenceException | NoSuchElementException e) {
            return false;
        }
    }

    private static ChromeDriver web() {
        return browser.driver();
    }

    private static Answer call(String method, String path, String token) {
        return call(method, path, token, null);
    }

    /** An API call as {@code token}'s holder (anonymous when null). */
    private static Answer call(String method, String path, String token, Object body) {
        return (token == null ? HUB.http() : HUB.http().as(token)).exchange(method, path, body);
    }
}
