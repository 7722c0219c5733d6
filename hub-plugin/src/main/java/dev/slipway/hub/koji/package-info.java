/**
 * koji's XML-RPC hub API ({@code POST /kojihub}) over Slipway's services, so a Koji shop's existing {@code koji}
 * client and its container-build plugin work unchanged against Slipway: a hardened StAX codec for koji's dialect
 * ({@code nil}, {@code i8}, keyword arguments in a trailing {@code __starstar} struct), the method table with
 * koji's argument binding, the mappings of Slipway's records to koji's dicts, and faults with koji's codes
 * carrying Slipway's stable code and name.
 *
 * <p>Depends on {@code task}, {@code build}, {@code admin} and {@code auth} (whose {@code Sessions} keep the login
 * sessions); only {@code http} (the route table and {@code KojiEndpoint}) and the hub's wiring depend on it. It
 * never reaches the database itself: every call goes through the same services, with the same authorization, as
 * the JSON API. Blocking code, no Vert.x.
 */
package dev.slipway.hub.koji;
