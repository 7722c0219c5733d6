/**
 * Build records: NVR reservations (Koji's CGInitBuild and CGRefundBuild), the import of validated content-generator
 * metadata (CGImport), and the read-only build queries.
 */
package dev.slipway.hub.build;
