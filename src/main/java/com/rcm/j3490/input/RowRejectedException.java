package com.rcm.j3490.input;

/** A row that breaks a format rule; the message is the reason shown to the user. */
public class RowRejectedException extends RuntimeException {
    public RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
