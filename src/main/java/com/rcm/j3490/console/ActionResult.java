package com.rcm.j3490.console;

/**
 * The answer to an action, in words a manager can act on (never a stack trace, never patient data).
 *
 * @param jobExecutionId the execution the action made or touched, when known
 */
public record ActionResult(Outcome outcome, String message, Long jobExecutionId) {
    public enum Outcome {
        /** Done (recover, abandon), or a run that completed at once. */
        DONE,
        /** Runs in the background; the run page shows how it goes. */
        STARTED,
        /** Refused before anything changed: already running, already completed, changed inputs... */
        REFUSED,
        /** Attempted, and the run failed. */
        FAILED
    }

    public static ActionResult done(String message) {
        return new ActionResult(Outcome.DONE, message, null);
    }

    public static ActionResult started(String message) {
        return new ActionResult(Outcome.STARTED, message, null);
    }

    public static ActionResult refused(String message) {
        return new ActionResult(Outcome.REFUSED, message, null);
    }

    public static ActionResult failed(String message) {
        return new ActionResult(Outcome.FAILED, message, null);
    }
}
