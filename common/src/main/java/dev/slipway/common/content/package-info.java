/**
 * What is inside an image: the packages read from its package database, shared by the worker (which reads them), the
 * SBOMs and the hub (which indexes them).
 */
package dev.slipway.common.content;
