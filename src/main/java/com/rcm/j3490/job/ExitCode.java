package com.rcm.j3490.job;

/** Process exit codes a scheduler can act on (README, "Exit codes"). */
public enum ExitCode {
    /** The run completed; the workbook is written. */
    COMPLETED(0),
    /** The run failed part-way; launch the same runDate again to resume where it stopped. */
    FAILED(1),
    /** Refused before starting: bad input files or bad arguments. Nothing was written. */
    REFUSED(2),
    /** The runDate already completed; use the rerun command to reconcile it again on purpose. */
    ALREADY_COMPLETED(3),
    /** Another process is running this runDate (or holds the job repository). */
    ALREADY_RUNNING(4);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
