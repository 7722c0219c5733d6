/**
 * Where a build comes from: the {@link dev.slipway.common.source.SourceSpec} ({@code <git url>#<commit>}) with its
 * {@link dev.slipway.common.source.CommitId}, and the {@link dev.slipway.common.source.ScmAllowList} deciding which
 * repositories may be built. The hub checks submissions and the worker checks what it fetches with these same
 * rules.
 */
package dev.slipway.common.source;
