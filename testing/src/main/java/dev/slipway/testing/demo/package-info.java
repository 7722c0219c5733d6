/**
 * Prepares the inputs of the demo ({@code scripts/demo.sh}) from local material.
 */
package dev.slipway.testing.demo;
