package com.rcm.j3490.console;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What the console asks of the job: the manager's actions on a run date, each answering with an
 * {@link ActionResult} (a refusal is a result, not an exception). The same operations the
 * command line calls implement it (no second implementation of a rule); until they exist,
 * {@link ReconCommandsOperations} adapts today's {@code ReconCommands}.
 *
 * <p>launch, restart and rerun may take minutes: an implementation starts them in the
 * background and answers {@link ActionResult.Outcome#STARTED}, unless they were refused or
 * ended at once.
 */
public interface RunOperations {
    /** The date's run (today's by default): a first run, or the resumption of a failed one. */
    ActionResult launch(LocalDate runDate);

    /** Resumes the date's latest run after its last commit. */
    ActionResult restart(LocalDate runDate);

    /**
     * Marks FAILED a run left running by a dead process. On a shared repository (PostgreSQL)
     * only the manager can know that the process is dead: {@code processConfirmedDead}.
     */
    ActionResult recover(LocalDate runDate, boolean processConfirmedDead);

    /** Gives up a failed or stopped run for good. */
    ActionResult abandon(LocalDate runDate);

    /** Reconciles a completed (or abandoned) date again as a new run; the confirmation page is the consent. */
    ActionResult rerun(LocalDate runDate);

    /** What this console is running in the background now (e.g. "restart of 2026-11-23"), if anything. */
    default Optional<String> running() {
        return Optional.empty();
    }
}
