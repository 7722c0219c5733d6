/**
 * Real RPM packages for tests, built here with rpmbuild from tiny spec files and optionally signed with rpmsign
 * and a throw-away GnuPG key, cached on disk so a test run builds each set once.
 */
package dev.slipway.testing.rpm;
