/**
 * The release-engineering web console: server-rendered pages (jte templates precompiled at build time) served by
 * the hub on its own port under {@code /console} and kojiweb's {@code /koji/...} link forms. It is a client of the
 * hub's services (task, build, admin, auth) with the same authorization rules as the API and no database access
 * of its own; sign-in sessions are signed cookies ({@link dev.slipway.hub.console.Sessions}).
 */
package dev.slipway.hub.console;
