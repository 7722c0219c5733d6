package dev.slipway.common.api;

/**
 * The body of every error answer and of a task fault: the stable numeric code clients branch on, its name and a
 * message saying what was tried and why it failed.
 */
public record ApiError(int code, String name, String message) {
}
