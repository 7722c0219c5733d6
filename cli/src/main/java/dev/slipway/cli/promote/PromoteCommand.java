package dev.slipway.cli.promote;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.cli.hub.ClientConfig;
import dev.slipway.cli.hub.HubOptions;
import dev.slipway.common.image.RegistryAddress;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.common.hub.HubClient;
import dev.slipway.common.json.Json;
import dev.slipway.registry.RegistryClientConfig;
import dev.slipway.registry.RegistryClientFactory;
import dev.slipway.registry.auth.CredentialsSource;
import dev.slipway.registry.auth.DockerConfigCredentials;
import dev.slipway.release.promotion.AuditLog;
import dev.slipway.release.promotion.EdgeGate;
import dev.slipway.release.promotion.PromotionListener;
import dev.slipway.release.publish.PromotionSigner;
import dev.slipway.release.publish.SigningSetup;
import dev.slipway.release.promotion.ManifestInvalidException;
import dev.slipway.release.promotion.PromotionOptions;
import dev.slipway.release.promotion.PromotionReport;
import dev.slipway.release.promotion.Promoter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code slipway promote}: promotes images by digest as a git checkout of thin manifests says (dry run by default). */
@Command(name = "promote", mixinStandardHelpOptions = true,
        description = "Plan (and with --confirm, run) the promotion of images from the source registry to the "
                + "destination registries listed in manifests/<x>/promoter-manifest.yaml and images/<x>/images.yaml.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:everything promoted (and signed) or already promoted", "1:refused plan (tag move, "
                + "overlapping edges, unapproved or unsigned change, a broken publishing rule), LOST or child "
                + "digests, or a failed edge (copy, verification or signing)",
                "2:invalid manifests or options"})
public final class PromoteCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--manifests", required = true, description = "Git checkout in the thin manifest layout")
    Path manifests;

    @Option(names = "--confirm", description = "Copy for real; without it only the plan is printed")
    boolean confirm;

    @Option(names = "--since", description = "Only images whose manifest entries changed since this git revision")
    String since;

    @Option(names = "--threads", defaultValue = "4", description = "Edges checked and copied at once (default: 4)")
    int threads;

    @Option(names = "--require-signed-commits",
            description = "Each approving commit must pass git verify-commit against --keyring")
    boolean requireSigned;

    @Option(names = "--keyring", description = "Public keys (armored or binary) allowed to sign approving commits")
    Path keyring;

    @Option(names = "--audit", description = "JSON-lines audit file, or a directory to keep "
            + "slipway-promotions.jsonl in (default: <manifests>/.git/slipway-promotions.jsonl)")
    Path audit;

    @Option(names = "--authfile", description = "Docker config.json with registry credentials (default: "
            + "~/.docker/config.json when present)")
    Path authfile;

    @Option(names = "--plain-http", description = "Registry reached over plain HTTP, as host[:port] or http://host"
            + "[:port] (loopback always is, and so are the config file's insecure_registries; repeatable)")
    List<String> plainHttp = List.of();

    @Option(names = "--rate-limit", defaultValue = "0", description = "Requests per second per registry (0: none)")
    double rateLimit;

    @Option(names = "--hub", paramLabel = "URL", description = "Record each promoted edge on this hub (POST "
            + "/api/v1/publications); a hub that is down fails nothing (see slipway publications push)")
    String hub;

    @Option(names = "--token-file", paramLabel = "FILE", description = "Token for --hub (default: $SLIPWAY_TOKEN, "
            + "$SLIPWAY_TOKEN_FILE, else 'token_file' in the config file)")
    Path tokenFile;

    @CommandLine.Mixin
    RuleOptions rules;

    @CommandLine.Mixin
    SigningOptions signing;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (requireSigned != (keyring != null)) {
            err.println("slipway promote: --require-signed-commits and --keyring go together");
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        try (RuleOptions closing = rules) {
            PromotionOptions options = new PromotionOptions(manifests, confirm, Optional.ofNullable(since), threads,
                    Optional.ofNullable(keyring), auditFile());
            SigningSetup setup = signing.setup(options.auditFile());
            RegistryClientFactory registries = new RegistryClientFactory(RegistryClientConfig.defaults()
                    .withInsecureHosts(insecureHosts()).withRequestsPerSecond(rateLimit),
                    credentials(json), json);
            EdgeGate gate = rules.gate(registries, json, err);
            Optional<PromotionSigner> signer = setup.signsAnything()
                    ? Optional.of(new PromotionSigner(setup, registries, json, Clock.systemUTC())) : Optional.empty();
            long auditStart = Files.exists(options.auditFile()) ? Files.size(options.auditFile()) : 0;
            PromotionReport report = new Promoter(registries, json, Clock.systemUTC(),
                    signer.<List<PromotionListener>>map(List::of).orElse(List.of()), gate).run(options);
            new ReportPrinter(out).print(report, options, signer.map(PromotionSigner::summary).orElse(List.of()));
            if (hub != null && confirm) {
                record(PublicationRecorder.linesFrom(options.auditFile(), auditStart), out);
            }
            return report.exitCode();
        } catch (SlipwayException e) {
            err.println("slipway promote: " + e.describe());
            return e instanceof ManifestInvalidException ? 2 : 1;
        } catch (IOException e) {
            err.println("slipway promote: " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("slipway promote: " + e.getMessage());
            return 2;
        }
    }

    /** Records this run's audit lines on --hub; the promotion is done whatever the hub says. */
    private void record(List<String> lines, PrintWriter out) {
        try {
            HubOptions.Resolved where = HubOptions.resolve(hub, tokenFile, System.getenv());
            PublicationRecorder.Outcome o = new PublicationRecorder(new HubClient(where.hub(), where.token(),
                    Json.mapper()), out).push(lines);
            out.println("Hub " + hub + ": " + o.recorded() + " publication(s) recorded, " + o.alreadyRecorded()
                    + " already recorded" + (o.complete() ? "" : ", " + o.pending() + " pending (hub unreachable)"));
        } catch (SlipwayException e) {
            out.println("The promotion is done, but recording it on " + hub + " failed: " + e.describe()
                    + "; the audit lines stay for slipway publications push");
        }
        out.flush();
    }

    /** The registries reached over plain HTTP: --plain-http (either spelling) and the config file's list. */
    private Set<String> insecureHosts() {
        Set<String> hosts = new HashSet<>(ClientConfig.load(System.getenv()).insecureRegistries());
        for (String r : plainHttp) {
            hosts.add(r.contains("://") ? RegistryAddress.parse(r, Set.of()).host() : r);
        }
        return hosts;
    }

    private Path auditFile() {
        if (audit == null) {
            return AuditLog.defaultFile(manifests);
        }
        return Files.isDirectory(audit) ? audit.resolve(AuditLog.defaultFile(manifests).getFileName()) : audit;
    }

    private CredentialsSource credentials(ObjectMapper json) {
        Path file = authfile != null ? authfile : DockerConfigCredentials.defaultLocation();
        return authfile != null || Files.isRegularFile(file) ? DockerConfigCredentials.load(file, json)
                : CredentialsSource.none();
    }
}
