/** The shared vocabulary of Slipway: value types, error codes and JSON mapping. */
package dev.slipway.common;
