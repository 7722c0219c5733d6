/** The dist-git post-receive hook that turns pushes into buildContainer tasks (issue: the hub and worker daemon). */
package dev.slipway.hooks;
