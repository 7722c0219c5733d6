package dev.slipway.release.promotion;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slipway.common.error.SlipwayException;
import dev.slipway.registry.ImageCopier;
import dev.slipway.registry.RegistryClient;
import dev.slipway.registry.RegistryClientFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Promotes images from staging to production by digest, as reviewed in a git repository of thin manifests: read
 * and validate, plan (refusing tag moves, overlaps and unapproved changes before any write), then, only with
 * {@code confirm}, copy each edge, verify it, append its audit record and tell the listeners.
 *
 * <pre>{@code
 * PromotionReport report = new Promoter(factory, json, Clock.systemUTC(), List.of(signer))
 *         .run(PromotionOptions.dryRun(checkout).confirmed());
 * }</pre>
 */
public final class Promoter {
    private final Function<String, RegistryClient> clients;
    private final ObjectMapper json;
    private final Clock clock;
    private final List<PromotionListener> listeners;
    private final EdgeGate gate;

    /** {@code listeners} run after each verified edge, after its audit record is written. */
    public Promoter(RegistryClientFactory registries, ObjectMapper json, Clock clock,
            List<PromotionListener> listeners) {
        this(registries, json, clock, listeners, EdgeGate.none());
    }

    /** As above, with {@code gate} checked on every edge to copy while planning (a problem refuses the plan). */
    public Promoter(RegistryClientFactory registries, ObjectMapper json, Clock clock,
            List<PromotionListener> listeners, EdgeGate gate) {
        Map<String, RegistryClient> cache = new ConcurrentHashMap<>();
        this.clients = host -> cache.computeIfAbsent(host, registries::forHost);
        this.json = json;
        this.clock = clock;
        this.listeners = List.copyOf(listeners);
        this.gate = gate;
    }

    public PromotionReport run(PromotionOptions options) {
        List<ThinManifest> manifests = ThinManifestReader.read(options.checkout());
        ImageFilter filter = options.since().map(rev -> ChangedImages.since(options.checkout(), rev, manifests))
                .orElse(ImageFilter.all());
        ExecutorService pool = Executors.newFixedThreadPool(options.threads());
        try (GitApprovals approvals = GitApprovals.open(options.checkout(), options.keyring())) {
            PromotionPlan plan = new Planner(new RegistryClientInventory(clients, json), approvals, gate)
                    .plan(manifests, filter, pool);
            if (plan.refused() || !options.confirm()) {
                return new PromotionReport(plan, false, List.of(), List.of(), 0);
            }
            return execute(plan, new AuditLog(options.auditFile(), json), pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private PromotionReport execute(PromotionPlan plan, AuditLog audit, ExecutorService pool) {
        EdgePromoter promoter = new EdgePromoter(clients, new ImageCopier(json), clock, gate.auditNote());
        List<PromotionRecord> promoted = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicLong bytes = new AtomicLong();
        Parallel.map(plan.copies(), edge -> {
            try {
                EdgePromoter.Promoted result = promoter.promote(edge);
                bytes.addAndGet(result.copy().bytesUploaded());
                audit.promoted(result.record());
                promoted.add(result.record());
                for (PromotionListener listener : listeners) {
                    listener.promoted(result.record());
                }
            } catch (SlipwayException e) {
                failures.add("FAILED " + edge.edge() + ": [" + e.code().code() + " " + e.code().name() + "] "
                        + e.getMessage());
            }
            return null;
        }, pool);
        return new PromotionReport(plan, true, promoted, failures, bytes.get());
    }
}
