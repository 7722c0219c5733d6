package dev.slipway.common.api;

import java.time.Instant;
import java.util.List;

/**
 * The records of the admin API: targets, tags, package lists, channels, hosts, users, groups and tokens.
 * In requests, null fields of a patch stay unchanged.
 */
public final class Admin {
    private Admin() {
    }

    /** A build target: where builds take their repos from (build tag) and where they land (destination tag). */
    public record Target(String name, String buildTag, String destTag) {
    }

    /** A tag with the arches it builds for; a locked tag takes no new builds from non-admins. */
    public record Tag(String name, List<String> arches, Boolean locked) {
        public Tag {
            arches = arches == null ? null : List.copyOf(arches);
        }
    }

    /** A package's entry in a tag's package list. */
    public record TagPackage(String tag, String name, String owner, Boolean blocked, List<String> allowedGroups) {
        public TagPackage {
            allowedGroups = allowedGroups == null ? null : List.copyOf(allowedGroups);
        }
    }

    /** A channel: a class of work hosts subscribe to. */
    public record Channel(String name, String description) {
    }

    /** A build host as admins see it; {@code load} is the weight of the tasks it holds. */
    public record Host(String name, List<String> arches, List<String> channels, Double capacity, Double load,
            Boolean enabled, Boolean ready, String description, Instant lastSeen) {
        public Host {
            arches = arches == null ? null : List.copyOf(arches);
            channels = channels == null ? null : List.copyOf(channels);
        }
    }

    /** A user with roles (admin, releng, packager) and groups. */
    public record User(String name, List<String> roles, List<String> groups) {
        public User {
            roles = roles == null ? null : List.copyOf(roles);
            groups = groups == null ? null : List.copyOf(groups);
        }
    }

    /** A group of users. */
    public record Group(String name, List<String> members) {
        public Group {
            members = members == null ? null : List.copyOf(members);
        }
    }

    /** Ask for a token for exactly one of a user or a host. */
    public record TokenRequest(String user, String host, String description) {
    }

    /** A new token: the secret is shown once and only its hash is stored. */
    public record TokenCreated(long id, String token, String user, String host) {
    }

    /** A token's record (never its secret). */
    public record Token(long id, String user, String host, String description, Instant created, Instant revoked) {
    }
}
