package com.rcm.j3490.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one line a manager needs from a stored exit description: Spring Batch stores a failed
 * step's stack trace there, and the deepest {@code Caused by:} carries the actionable message.
 */
public final class FailureReason {
    /** "com.acme.SomeException: message" (also "Caused by: ..."). */
    private static final Pattern THROWABLE_LINE = Pattern.compile("^(?:Caused by: )?([\\w$]+\\.)*([\\w$]+)(?::\\s*(.*))?$");

    private FailureReason() {
    }

    /** The root cause's message of a stack trace, else the description's first line; "" when blank. */
    public static String of(String exitDescription) {
        if (exitDescription == null || exitDescription.isBlank()) {
            return "";
        }
        String[] lines = exitDescription.split("\\R");
        String chosen = lines[0];
        boolean stackTrace = false;
        for (String line : lines) {
            String t = line.trim();
            if (t.startsWith("at ")) {
                stackTrace = true;
            } else if (line.startsWith("Caused by: ")) {
                chosen = line;
            }
        }
        if (!stackTrace) {
            return oneLine(exitDescription);
        }
        Matcher m = THROWABLE_LINE.matcher(chosen.trim());
        if (m.matches()) {
            String message = m.group(3);
            return message == null || message.isBlank() ? m.group(2) : oneLine(message);
        }
        return oneLine(chosen);
    }

    /** What to do when a restart cannot help: the run is given up and the date reconciled again. */
    public static String rerunAdvice(java.time.LocalDate runDate) {
        return "abandon runDate=" + runDate + RERUN_MARKER + runDate + " --confirm";
    }

    private static final String RERUN_MARKER = ", then rerun runDate=";

    /** The reason says that a restart would fail the same way (see {@link #rerunAdvice}). */
    public static boolean requiresRerun(String reason) {
        return reason != null && reason.contains(RERUN_MARKER) && reason.contains("abandon runDate=");
    }

    public static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").trim();
    }

    public static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
