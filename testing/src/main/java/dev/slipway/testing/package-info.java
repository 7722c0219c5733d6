/** Test fixtures made from local material, shared by every module's integration tests. */
package dev.slipway.testing;
