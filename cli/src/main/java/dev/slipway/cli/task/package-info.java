/** The task verbs of the {@code slipway} command: watch-task, task-info, cancel, resubmit, list-tasks. */
package dev.slipway.cli.task;
