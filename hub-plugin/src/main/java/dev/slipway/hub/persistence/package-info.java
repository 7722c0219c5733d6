/**
 * The hub's database: the JPA entities (which never leave the hub's services), the Hikari pool, Flyway migrations and
 * the Hibernate session factory.
 */
package dev.slipway.hub.persistence;
