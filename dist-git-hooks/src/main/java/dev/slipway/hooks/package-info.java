/**
 * The dist-git post-receive hook that turns pushes into buildContainer tasks without ever losing or blocking a push
 * (a durable spool, a deadline, a flusher, idempotency keys; docs/hook.md), and {@code slipway-hook}.
 */
package dev.slipway.hooks;
