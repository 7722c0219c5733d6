/**
 * slipway-hub: koji-hub plus the koji-containerbuild hub plugin. Packages are concepts; dependencies point one
 * way (no cycles):
 *
 * <pre>
 * hub (Hub, HubMain: wiring and the command)
 *  -> http (route table, error mapping, long-polls, log streams)
 *       -> admin (targets, tags, package lists, channels, hosts, users, groups, tokens)
 *       -> build (NVR reservations, CG import, build queries)
 *            -> task (submission policy and opts checks, scheduler, leases, task log)
 *                 -> naming (the one rule for names of packages, tags, targets, hosts, users...)
 *                 -> auth (principals, roles, tokens)
 *                 -> metrics
 *                 -> persistence (Flyway, Hibernate entities: never leave the services)
 *                 -> config
 * </pre>
 * Everything may use {@code dev.slipway.common} (wire records, error codes, and the build vocabulary: sources,
 * the SCM allow-list, commit ids, digests, NVRs and Koji's next-release rule).
 */
package dev.slipway.hub;
