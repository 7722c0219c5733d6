/** {@code slipway promote}: the command over {@link dev.slipway.release.promotion.Promoter}, and its output. */
package dev.slipway.cli.promote;
