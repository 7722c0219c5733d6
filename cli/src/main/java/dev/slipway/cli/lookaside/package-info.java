/** {@code slipway serve-lookaside}: a read-only HTTP server for a lookaside signature directory. */
package dev.slipway.cli.lookaside;
