/**
 * slipway-hub: koji-hub plus the koji-containerbuild hub plugin. {@code Hub} wires the database, the services and
 * the HTTP verticles; {@code HubMain} is the command. The packages and the allowed edges between them are drawn in
 * ARCHITECTURE.md and enforced by the module's {@code ArchitectureTest}.
 */
package dev.slipway.hub;
