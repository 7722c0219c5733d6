/**
 * Who is calling: bearer tokens (stored only as their SHA-256) resolved to a principal with its roles and groups.
 */
package dev.slipway.hub.auth;
