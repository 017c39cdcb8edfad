package com.rcm.j3490.input.x12;

import com.rcm.j3490.input.InputFileException;

/** An X12 file that cannot be read at all (not X12, unreadable ISA, broken envelope): refuses the run. */
public class X12FormatException extends InputFileException {
    public X12FormatException(String message) {
        super(message);
    }

    public X12FormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
