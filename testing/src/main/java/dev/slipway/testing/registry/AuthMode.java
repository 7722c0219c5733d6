package dev.slipway.testing.registry;

/** How a {@link TestRegistry} authenticates clients. */
public enum AuthMode {
    /** No authentication. */
    OPEN,
    /** HTTP Basic against an htpasswd file (bcrypt). */
    BASIC,
    /** Docker Hub's Bearer token flow against a {@link TokenServer}. */
    TOKEN
}
