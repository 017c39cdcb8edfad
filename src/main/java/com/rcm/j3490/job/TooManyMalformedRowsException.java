package com.rcm.j3490.job;

import com.rcm.j3490.input.InputFileException;

/**
 * A run's remittance holds more malformed rows than {@code recon.skip-limit}: an input problem a
 * person fixes (the message names the file and the count), not a program error.
 */
public class TooManyMalformedRowsException extends InputFileException {
    public TooManyMalformedRowsException(String message) {
        super(message);
    }
}
