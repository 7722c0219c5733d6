/**
 * koji's XML-RPC hub API ({@code POST /kojihub}) over Slipway's services, so a Koji shop's existing {@code koji}
 * client and its container-build plugin work unchanged against Slipway: a hardened StAX codec for koji's dialect
 * ({@code nil}, {@code i8}, keyword arguments in a trailing {@code __starstar} struct), database-backed sessions
 * ({@code login(user, api_token)}, call numbers), the method table with koji's argument binding, the mappings of
 * Slipway's records to koji's dicts, and faults with koji's codes carrying Slipway's stable code and name.
 *
 * <p>Depends on {@code task}, {@code build}, {@code admin}, {@code auth} and {@code persistence} (sessions only);
 * only {@code http} (the route table) and the hub's wiring depend on it. It never reaches the database except for
 * its own session table: every call goes through the same services, with the same authorization, as the JSON API.
 */
package dev.slipway.hub.koji;
