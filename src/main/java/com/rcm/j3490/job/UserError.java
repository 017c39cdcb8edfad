package com.rcm.j3490.job;

/** A refusal that a person can act on: printed as one line on standard error, with its exit code. */
public class UserError extends RuntimeException {
    private final ExitCode exitCode;

    public UserError(ExitCode exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public ExitCode exitCode() {
        return exitCode;
    }
}
