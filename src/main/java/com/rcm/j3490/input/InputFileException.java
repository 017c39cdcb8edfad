package com.rcm.j3490.input;

/**
 * A user's input problem that stops the run: a missing path, an unreadable file, a header
 * without a required column. Its message is one line that names the file and what is wrong.
 */
public class InputFileException extends RuntimeException {
    public InputFileException(String message) {
        super(message);
    }

    public InputFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
