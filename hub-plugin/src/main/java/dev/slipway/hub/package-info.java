/**
 * slipway-hub: koji-hub plus the koji-containerbuild hub plugin. Packages are concepts; dependencies point one
 * way (no cycles):
 *
 * <pre>
 * hub (Hub, HubMain: wiring and the command)
 *  -> http (route table, error mapping, long-polls, log streams)
 *       -> admin (targets, tags, package lists, channels, hosts, users, groups, tokens)
 *       -> build (NVR reservations, CG import, build queries, rpmvercmp)
 *            -> task (submission policy, scheduler, leases, task log)
 *                 -> policy (sources, SCM allow-list, opts, names)
 *                 -> auth (principals, roles, tokens)
 *                 -> metrics
 *                 -> persistence (Flyway, Hibernate entities: never leave the services)
 *                 -> config
 * </pre>
 * Everything may use {@code dev.slipway.common} (wire records, error codes).
 */
package dev.slipway.hub;
