/**
 * The architecture rules every module's {@code ArchitectureTest} applies: its own package graph (as written in
 * ARCHITECTURE.md), the cross-module rules on third-party libraries, no package cycles, and no inline
 * fully-qualified class names in main code.
 */
package dev.slipway.testing.architecture;
