/**
 * Running external programs (git, gpg, skopeo, rpm, docker...) one way: {@link dev.slipway.common.process.Command}
 * takes an argument list (never a shell), drains both output streams, bounds what it keeps, always enforces its
 * timeout by killing the process tree, and redacts secrets from every message.
 *
 * <pre>{@code
 * String tags = Command.of("git", "ls-remote", "--tags", "--", url).timeout(Duration.ofMinutes(2))
 *         .failingWith(ErrorCode.PROMOTION_FACTS_UNREADABLE).output();
 * }</pre>
 */
package dev.slipway.common.process;
