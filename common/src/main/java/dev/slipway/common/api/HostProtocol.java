package dev.slipway.common.api;

import java.time.Instant;
import java.util.List;

/**
 * The records of the host API ({@code /api/v1/host/...}), the calls a worker daemon makes with its host token.
 * See docs/api.md for the order of calls.
 */
public final class HostProtocol {
    private HostProtocol() {
    }

    /** Register or update this host: what it can run and whether it is ready. Null fields stay unchanged. */
    public record Update(List<String> arches, List<String> channels, Double capacity, Boolean ready,
            String description) {
        public Update {
            arches = arches == null ? null : List.copyOf(arches);
            channels = channels == null ? null : List.copyOf(channels);
        }
    }

    /** A long-poll claim: answer at once when a task is runnable, else within {@code waitMs}. */
    public record ClaimRequest(Integer waitMs) {
    }

    /** The claim answer: the task now ASSIGNED to this host, or null when none became runnable in time. */
    public record ClaimResponse(Assignment task) {
    }

    /**
     * A task handed to a host: everything a worker needs to run {@code buildContainer}.
     *
     * @param parameters the call as submitted: {@code src}, {@code target}, {@code opts}
     * @param buildTag the target's build tag; {@code destTag} its destination tag
     * @param component the package name the hub derived from the source (dist-git repository name)
     * @param kojiParent the build {@code opts.koji_parent_build} names, resolved to digests when the task was
     *     accepted; null without the option
     * @param epoch the lease epoch (fencing token): new with every claim of the task; the worker sends it with
     *     every call for the task (header {@value #EPOCH_HEADER}) and the hub refuses a stale one
     */
    public record Assignment(long taskId, String method, BuildContainerRequest parameters, String owner, String arch,
            double weight, int priority, String target, String buildTag, String destTag, String component,
            Instant leaseExpires, ParentBuild kojiParent, long epoch) {
    }

    /** The request header carrying the caller's lease epoch on every call about one task. */
    public static final String EPOCH_HEADER = "Slipway-Lease-Epoch";

    /**
     * Renew the leases of the listed tasks. With {@code waitMs} the answer is held until one of them is canceled
     * or lost, or the wait ends, so a worker learns of a cancel at once.
     */
    public record Heartbeat(List<Long> tasks, Boolean ready, Integer waitMs) {
        public Heartbeat {
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
        }
    }

    /** What the hub says about each task in a heartbeat. */
    public enum Action {
        /** Keep running: the lease was renewed. */
        CONTINUE,
        /** The task was canceled: stop the build and any push, report nothing more. */
        CANCEL,
        /** The task is no longer this host's (lease expired, freed, reassigned, finished): stop it. */
        LOST
    }

    /** One task's lease in a heartbeat answer. */
    public record Lease(long taskId, TaskState state, Action action, Instant leaseExpires) {
    }

    /** The heartbeat answer. */
    public record HeartbeatResponse(int leaseSeconds, List<Lease> tasks) {
        public HeartbeatResponse {
            tasks = List.copyOf(tasks);
        }
    }

    /** Log lines to append, in order. */
    public record LogLines(List<String> lines) {
        public LogLines {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** The log's length in lines after an append: the offset of the next line. */
    public record LogAppended(long nextOffset) {
    }

    /** Koji's getNextRelease answer. */
    public record NextRelease(String name, String version, String release) {
    }

    /** Reserve an NVR for the task's build (Koji's CGInitBuild). */
    public record Reserve(String name, String version, String release) {
    }

    /** A reservation: the BUILDING build record now owned by the task. */
    public record Reservation(long buildId, String nvr) {
    }

    /** Give a reserved NVR back (Koji's CGRefundBuild): the build becomes FAILED or CANCELED. */
    public record Refund(long buildId, BuildState state) {
    }

    /**
     * Close a task successfully.
     *
     * @param result the worker's result, stored as the task result
     * @param metadata Koji content-generator metadata (metadata_version 0), the same document the mirror holds as
     *     {@code metadata.json}; required unless scratch
     * @param mirror the mirror directory the build was exported to
     */
    public record Close(WorkerResult result, CgDocument metadata, String mirror) {
    }

    /** Fail a task with a fault (and optionally the worker's partial result). */
    public record Fail(ApiError fault, WorkerResult result) {
    }

    /** A task this host holds (after a restart, a worker frees the ones it no longer runs). */
    public record HeldTask(long taskId, TaskState state, Instant leaseExpires) {
    }
}
