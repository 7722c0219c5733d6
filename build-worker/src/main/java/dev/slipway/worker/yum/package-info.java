/** The {@code yum_repourls} option: fetching and checking {@code .repo} files a build's RUN steps may use. */
package dev.slipway.worker.yum;
