package dev.slipway.hub.task;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * The task a log line is about, put in the logging context (MDC) while the line is written, so JSON logs carry
 * {@code task_id}, {@code build_nvr} and {@code build_host} where known. Closing it restores what was there before
 * (the hub's threads are pooled: nothing may leak to the next call).
 */
public final class TaskMdc implements AutoCloseable {
    public static final String TASK_ID = "task_id";
    public static final String BUILD_NVR = "build_nvr";
    public static final String BUILD_HOST = "build_host";
    private final Map<String, String> previous = new LinkedHashMap<>();

    private TaskMdc() {
    }

    /** Puts the known values (null ones are left out) until {@link #close()}. */
    public static TaskMdc of(long taskId, String host, String nvr) {
        TaskMdc m = new TaskMdc();
        m.put(TASK_ID, String.valueOf(taskId));
        m.put(BUILD_HOST, host);
        m.put(BUILD_NVR, nvr);
        return m;
    }

    private void put(String key, String value) {
        if (value != null) {
            previous.put(key, MDC.get(key));
            MDC.put(key, value);
        }
    }

    @Override
    public void close() {
        previous.forEach((key, old) -> {
            if (old == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, old);
            }
        });
    }
}
