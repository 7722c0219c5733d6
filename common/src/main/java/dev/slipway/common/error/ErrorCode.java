package dev.slipway.common.error;

import java.util.HashMap;
import java.util.Map;

/**
 * The stable error codes Slipway reports to users, hooks, workers and clients.
 *
 * <p>Codes are grouped in ranges like Koji's fault codes so clients can branch on them: 1000s input and
 * validation, 2000s source (git), 3000s Dockerfile and labels, 4000s registry, 5000s engine, 6000s image contents,
 * 7000s mirror and metadata, 8000s configuration, 9000s internal, 10000s the hub (auth, policy, task state, NVR
 * conflicts, lookups, requests). A code's number never changes once released.
 */
public enum ErrorCode {
    INVALID_INPUT(1000, "invalid input"),
    INVALID_DIGEST(1001, "invalid digest"),
    INVALID_IMAGE_REFERENCE(1002, "invalid image reference"),
    INVALID_NVR(1003, "invalid name-version-release"),
    INVALID_TAG(1004, "invalid tag"),
    INVALID_TARGET(1005, "invalid build target"),
    INVALID_RELEASE(1006, "invalid release"),

    SOURCE_INVALID(2000, "invalid source specification"),
    SOURCE_NOT_A_COMMIT(2001, "source does not name a full commit id"),
    SOURCE_NOT_ALLOWED(2002, "source repository is not allowed"),
    SOURCE_FETCH_FAILED(2003, "source could not be fetched"),
    SOURCE_COMMIT_UNKNOWN(2004, "commit not found in the source repository"),
    SOURCE_NO_DOCKERFILE(2005, "the source has no Dockerfile"),
    YUM_REPO_UNREACHABLE(2010, "a yum_repourls .repo file could not be fetched"),
    YUM_REPO_INVALID(2011, "a yum_repourls file is not a yum repository file"),
    BUILD_CONTEXT_INVALID(2050, "the build context could not be read or its .dockerignore is invalid"),

    DOCKERFILE_SYNTAX(3000, "Dockerfile syntax error"),
    DOCKERFILE_NO_FROM(3001, "Dockerfile has no FROM instruction"),
    DOCKERFILE_UNSUPPORTED(3002, "Dockerfile uses a feature the engine API cannot build"),
    DOCKERFILE_BAD_STAGE(3003, "Dockerfile stage reference is invalid"),
    DOCKERFILE_EMPTY(3004, "Dockerfile has no instructions"),
    DOCKERFILE_UNKNOWN_INSTRUCTION(3005, "Dockerfile uses an unknown instruction"),
    DOCKERFILE_BEFORE_FROM(3006, "Dockerfile has an instruction other than ARG before the first FROM"),
    DOCKERFILE_BAD_BASE_IMAGE(3007, "Dockerfile FROM names an invalid base image"),
    DOCKERFILE_PARENT_NOT_PINNED(3008, "parent image has no pinned digest"),
    LABEL_MISSING(3010, "required label missing"),
    LABEL_INVALID(3011, "label value invalid"),
    TAG_TOO_LONG(3012, "image tag too long"),
    PARENT_REPOSITORY_MISMATCH(3020, "the final stage's parent is not the repository koji_parent_build names"),

    REGISTRY_UNREACHABLE(4000, "registry could not be reached"),
    REGISTRY_UNAUTHORIZED(4001, "registry refused the credentials"),
    REGISTRY_NOT_FOUND(4002, "registry has no such manifest or blob"),
    REGISTRY_DIGEST_MISMATCH(4003, "registry content does not match its digest"),
    REGISTRY_PROTOCOL(4004, "registry answered outside the distribution API"),
    REGISTRY_UPLOAD_FAILED(4005, "registry upload failed"),
    REGISTRY_DENIED(4006, "registry denied the operation"),
    REGISTRY_RATE_LIMITED(4007, "registry rate limit reached"),
    REGISTRY_SERVER_ERROR(4008, "registry reported a server error"),
    REGISTRY_LOCAL_IO(4009, "local content for a registry transfer could not be read or written"),
    REGISTRY_TIMEOUT(4020, "registry stopped answering within the request timeout"),

    ENGINE_UNREACHABLE(5000, "Docker Engine could not be reached"),
    ENGINE_BUILD_FAILED(5001, "image build failed"),
    ENGINE_ERROR(5002, "Docker Engine reported an error"),
    ENGINE_TIMEOUT(5003, "Docker Engine did not answer in time"),

    CONTENTS_UNREADABLE(6000, "image package database could not be read"),
    RPM_HEADER_INVALID(6001, "RPM header is malformed"),
    DPKG_STATUS_INVALID(6002, "dpkg status file is malformed"),
    RPMDB_FORMAT_UNSUPPORTED(6003, "rpm database format is not supported"),
    ARCHIVE_ENTRY_UNSAFE(6004, "archive entry would escape its target directory"),
    LAYER_ARCHIVE_INVALID(6005, "image layer archive is malformed"),

    MIRROR_EXPORT_FAILED(7000, "mirror export failed"),
    MIRROR_EXISTS(7001, "mirror directory already holds this build"),
    METADATA_INVALID(7002, "build metadata is invalid"),
    MIRROR_DISK_FULL(7020, "mirror file system has no space left"),

    SBOM_INPUT_INVALID(11600, "SBOM input is invalid"),
    SBOM_WRITE_FAILED(11601, "SBOM could not be written"),
    REFERRERS_INDEX_INVALID(11610, "referrers index is not a valid OCI index"),
    REFERRER_INVALID(11611, "referrer artifact is not what its descriptor says"),
    POLICY_VIOLATED(11700, "publishing policy violated"),
    POLICY_CHECK_FAILED(11701, "a publishing policy check could not run"),

    CONFIG_INVALID(8000, "configuration is invalid"),
    CREDENTIALS_INVALID(8001, "registry credentials are invalid"),

    PROMOTION_MANIFEST_INVALID(11000, "promotion manifest is malformed"),
    PROMOTION_DIGEST_INVALID(11001, "promotion manifest names an invalid digest"),
    PROMOTION_TAG_INVALID(11002, "promotion manifest names an invalid tag"),
    PROMOTION_SOURCE_INVALID(11003, "promotion manifest does not name exactly one source registry"),
    PROMOTION_NAME_INVALID(11004, "promotion manifest names an invalid registry or image"),
    PROMOTION_LAYOUT_INVALID(11005, "promotion manifest directory does not follow the thin layout"),
    PROMOTION_TAG_MOVE(11010, "promotion would move a tag in the destination"),
    PROMOTION_OVERLAPPING_EDGES(11011, "promotion edges write one tag with different digests"),
    PROMOTION_LOST_DIGEST(11012, "promoted digest is missing from the source registry"),
    PROMOTION_CHILD_DIGEST(11013, "promoted digest is a child of an index"),
    PROMOTION_VERIFY_FAILED(11014, "promoted image does not resolve to its digest in the destination"),
    PROMOTION_COPY_FAILED(11015, "promotion copy failed"),
    PROMOTION_GIT_FAILED(11020, "promotion manifest repository could not be read with git"),
    PROMOTION_UNSIGNED_COMMIT(11021, "approving commit is not signed by a trusted key"),
    PROMOTION_AUDIT_FAILED(11022, "promotion audit record could not be written"),
    PROMOTION_NOT_APPROVED(11023, "promoted digest is not in any commit of the manifest repository"),
    // 11900-11999: release integration (promotion gated by the publishing rules, signing of promoted images)
    PROMOTION_FACTS_UNREADABLE(11900, "publishing facts of the image to promote could not be read"),
    PROMOTION_RULE_NAME_MISSING(11901, "image to promote has no name label"),
    PROMOTION_RULE_VERSION_MISSING(11902, "image to promote has no version label"),
    PROMOTION_RULE_ARCHITECTURE_MISSING(11903, "image to promote has no architecture label"),
    PROMOTION_RULE_PACKAGE_MANIFEST_MISSING(11904, "image to promote has no RPM manifest (CycloneDX SBOM referrer)"),
    PROMOTION_RULE_PACKAGE_MANIFEST_EMPTY(11905, "image to promote has an empty RPM manifest"),
    PROMOTION_RULE_BUILD_DATE_MISSING(11906, "image to promote has no build date"),
    PROMOTION_RULE_PUBLISH_DATE_MISSING(11907, "promotion has no publish date"),
    PROMOTION_RULE_PUBLISH_BEFORE_BUILD(11908, "image to promote was built after its publish date"),
    PROMOTION_RULE_SOURCE_NOT_RECORDED(11909, "image to promote records no source repository and commit"),
    PROMOTION_RULE_SOURCE_UNREACHABLE(11910, "source commit of the image to promote is not published"),
    PROMOTION_RULE_SOURCE_TAG_MISSING(11911, "source commit of the image to promote has no tag"),
    PROMOTION_RULE_SOURCE_TAG_NOT_FOUND(11912, "source tag of the image to promote was not found"),
    PROMOTION_RULE_SOURCE_TAG_UNVERIFIED(11913, "source tag of the image to promote is not signed by a trusted key"),
    PROMOTION_RULE_SOURCE_TAG_COMMIT_MISMATCH(11914, "signed source tag points at another commit"),
    PROMOTION_RULE_VENDOR_MISSING(11915, "image to promote has no vendor label"),
    PROMOTION_RULE_VENDOR_IS_COMMUNITY(11916, "image to promote names \"the community\" as vendor"),
    PROMOTION_RULE_BUG_TRACKER_MISSING(11917, "image to promote has no bug-tracker URL"),
    PROMOTION_RULE_BUG_TRACKER_INVALID(11918, "image to promote has an invalid bug-tracker URL"),
    PROMOTION_RULE_SUPPORT_DISCLAIMER_MISSING(11919, "image to promote has no support disclaimer"),
    PROMOTION_SIGNING_FAILED(11950, "promoted image could not be signed or its signatures stored"),
    PROMOTION_MIRROR_NOT_FOUND(11951, "no mirror build directory holds the promoted digest"),
    LOOKASIDE_SERVER_FAILED(11960, "lookaside HTTP server could not start"),
    // 11300-11599: release signing and provenance (dev.slipway.release.signing, dev.slipway.release.provenance)
    SIGNING_KEY_INVALID(11300, "signing or verification key could not be loaded"),
    SIGNING_FAILED(11301, "signing failed"),
    SIGNATURE_INVALID(11302, "signature does not verify"),
    SIGNATURE_UNTRUSTED(11303, "signature made by an untrusted, revoked or expired key"),
    SIGNATURE_CLAIM_MISMATCH(11304, "signature is for a different image or identity"),
    SIGNATURE_PAYLOAD_INVALID(11305, "signature payload is malformed"),
    SIGNATURE_STORAGE_FAILED(11306, "signature storage could not be read or written"),
    MIRROR_CHECKSUM_MISMATCH(11307, "mirror directory does not match its CHECKSUM"),
    SIGNATURE_NOT_FOUND(11308, "no signature found"),
    PROVENANCE_INVALID(11320, "provenance input or attestation is invalid"),

    CANCELED(9000, "canceled"),
    COMMAND_FAILED(9001, "an external command could not start, failed or did not finish in time"),

    AUTH_REQUIRED(10000, "authentication required"),
    AUTH_INVALID_TOKEN(10001, "token unknown or revoked"),
    PERMISSION_DENIED(10002, "permission denied"),
    HOST_TOKEN_NOT_ALLOWED(10003, "host tokens reach only the host API"),
    HOST_TOKEN_REQUIRED(10004, "the host API needs a host token"),
    PRIORITY_NOT_ALLOWED(10005, "only admins may raise a task's priority"),
    REQUEST_SIGNATURE_INVALID(10008, "request HMAC signature missing, expired or wrong"),
    NOT_FOUND(10010, "no such resource"),
    TASK_NOT_FOUND(10011, "no such task"),
    BUILD_NOT_FOUND(10012, "no such build"),
    TARGET_NOT_FOUND(10013, "no such build target"),
    TAG_NOT_FOUND(10014, "no such tag"),
    CHANNEL_NOT_FOUND(10015, "no such channel"),
    HOST_NOT_FOUND(10016, "no such host"),
    USER_NOT_FOUND(10017, "no such user"),
    GROUP_NOT_FOUND(10018, "no such group"),
    TOKEN_NOT_FOUND(10019, "no such token"),
    PACKAGE_NOT_IN_TAG(10020, "package not in the tag's package list"),
    PACKAGE_BLOCKED(10021, "package blocked in the tag"),
    TAG_LOCKED(10022, "tag is locked"),
    ALREADY_EXISTS(10023, "already exists"),
    IDEMPOTENCY_KEY_REUSED(10028, "idempotency key already used for a different request"),
    REQUEST_MALFORMED(10030, "request body is not valid JSON for this call"),
    REQUEST_UNKNOWN_FIELD(10031, "request has an unknown field"),
    REQUEST_TOO_LARGE(10032, "request body too large"),
    BAD_OPTS(10033, "invalid build options"),
    BAD_PARAMETER(10034, "invalid parameter"),
    BAD_NAME(10035, "invalid name"),
    METHOD_NOT_ALLOWED(10036, "HTTP method not allowed here"),
    TASK_STATE_CONFLICT(10040, "task is not in a state that allows this"),
    TASK_NOT_HELD(10041, "task is not held by this host"),
    LEASE_EPOCH_STALE(10045, "the task's lease was taken over: this holder is fenced off"),
    HOST_NOT_ELIGIBLE(10042, "host is disabled or has no channel for this work"),
    ARCH_NO_HOST(10043, "no build host of the channel has ever had this arch"),
    MULTI_ARCH_UNSUPPORTED(10044, "one build task builds one arch; multi-arch builds are not supported"),
    NVR_EXISTS(10050, "build already exists"),
    NVR_RESERVED(10051, "NVR reserved by another task"),
    RESERVATION_MISMATCH(10052, "build reservation does not match"),
    RELEASE_NOT_COMPUTABLE(10053, "next release cannot be computed"),
    CG_METADATA_INVALID(10060, "content-generator metadata invalid"),
    PARENT_BUILD_NOT_COMPLETE(10070, "koji_parent_build names no COMPLETE build with an image"),
    HUB_UNAVAILABLE(10090, "hub database unavailable"),
    PUBLICATION_IMAGE_NOT_FOUND(10900, "no build image has the published manifest digest"),

    HUB_UNREACHABLE(12000, "hub could not be reached"),
    HUB_PROTOCOL(12001, "hub answered outside its API"),
    TASK_OPTION_UNSUPPORTED(12010, "build option not supported by this worker"),
    TASK_PARAMETERS_INVALID(12011, "task parameters invalid"),
    CHECKOUT_NOT_READY(12100, "dist-git checkout not ready for a build"),
    CLIENT_CONFIG_INVALID(12101, "client configuration invalid"),
    HOOK_INPUT_INVALID(12200, "hook input line invalid"),
    HOOK_SPOOL_FAILED(12210, "hook spool could not be written or read"),
    INTERNAL(9999, "internal error");

    private final int code;
    private final String summary;

    ErrorCode(int code, String summary) {
        this.code = code;
        this.summary = summary;
    }

    /** The stable numeric code clients branch on. */
    public int code() {
        return code;
    }

    /** A short human summary of the category. */
    public String summary() {
        return summary;
    }

    /**
     * The code with this number; a number this build does not know (a newer peer's code) is a protocol problem
     * between processes, so it reads as {@link #HUB_PROTOCOL}.
     */
    public static ErrorCode of(int number) {
        ErrorCode known = BY_NUMBER.get(number);
        return known == null ? HUB_PROTOCOL : known;
    }

    private static final Map<Integer, ErrorCode> BY_NUMBER = byNumber();

    private static Map<Integer, ErrorCode> byNumber() {
        Map<Integer, ErrorCode> all = new HashMap<>();
        for (ErrorCode c : values()) {
            all.put(c.code, c);
        }
        return Map.copyOf(all);
    }
}
