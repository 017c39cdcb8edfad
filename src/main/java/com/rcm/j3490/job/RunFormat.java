package com.rcm.j3490.job;

import java.time.Duration;
import java.util.Locale;

/** The number and reason formats that both the job's progress lines and the run reports print. */
public final class RunFormat {
    private RunFormat() {
    }

    public static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    public static String n(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** The root cause's message on one line, or its class name when it has none. */
    public static String reason(Throwable t) {
        Throwable root = rootCause(t);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return FailureReason.oneLine(message);
    }

    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
