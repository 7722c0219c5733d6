/**
 * The one Jackson mapping every Slipway process uses (snake_case, ISO-8601 times, value types as text), built once and
 * passed down.
 */
package dev.slipway.common.json;
