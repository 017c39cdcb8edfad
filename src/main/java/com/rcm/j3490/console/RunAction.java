package com.rcm.j3490.console;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/** The actions a MANAGER can take on a run date, each with what its confirmation page says will happen. */
public enum RunAction {
    LAUNCH("Launch", "Launches the run of this date: a first run reads the remittance files found now; a failed run "
            + "is resumed after its last commit. It runs in the background; this console shows its progress."),
    RESTART("Restart", "Resumes the date's latest run: completed steps are skipped and the reconcile step resumes "
            + "after its last commit. It runs in the background."),
    RECOVER("Recover", "Marks FAILED the date's run that is marked running although the process that ran it is gone "
            + "(killed, power loss), so that it can be restarted. Nothing is reconciled."),
    ABANDON("Abandon", "Gives up the date's failed or stopped run for good: it is never resumed, and launching the "
            + "date is refused from then on (a rerun can still reconcile it again)."),
    RERUN("Rerun", "Reconciles a completed date again from scratch as a new run: remittance files that run already "
            + "reconciled are read again, and the date's workbook is replaced. The earlier runs stay in the history.");

    private final String label;
    private final String consequence;

    RunAction(String label, String consequence) {
        this.label = label;
        this.consequence = consequence;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    public String consequence() {
        return consequence;
    }

    public static Optional<RunAction> of(String word) {
        for (RunAction a : values()) {
            if (a.word().equals(word)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** Calls the operation; {@code confirmed} is the recover page's "its process is dead" box. */
    ActionResult perform(RunOperations operations, LocalDate runDate, boolean confirmed) {
        return switch (this) {
            case LAUNCH -> operations.launch(runDate);
            case RESTART -> operations.restart(runDate);
            case RECOVER -> operations.recover(runDate, confirmed);
            case ABANDON -> operations.abandon(runDate);
            case RERUN -> operations.rerun(runDate);
        };
    }
}
