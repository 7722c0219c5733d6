/** A client for the OCI distribution API used to resolve, push and copy images by digest. */
package dev.slipway.registry;
