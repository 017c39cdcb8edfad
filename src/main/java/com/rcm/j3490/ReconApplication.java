package com.rcm.j3490;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point: runs one command (by default the nightly run) and exits with its code. */
@SpringBootApplication
public class ReconApplication {
    /** The job repository is locked by another process (H2 file database in use). */
    static final int EXIT_REPOSITORY_IN_USE = 4;
    static final int EXIT_STARTUP_FAILED = 1;

    public static void main(String[] args) {
        int code;
        try {
            code = SpringApplication.exit(SpringApplication.run(ReconApplication.class, args));
        } catch (RuntimeException e) {
            code = startupFailure(e);
        }
        System.exit(code);
    }

    /** One actionable line on standard error instead of a stack trace. */
    private static int startupFailure(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        if (message.contains("Database may be already in use")) {
            System.err.println("The job repository database is in use by another process (a run is in progress?); "
                    + "this launch is refused. Retry when that process has finished.");
            return EXIT_REPOSITORY_IN_USE;
        }
        System.err.println("Cannot start: " + message);
        return EXIT_STARTUP_FAILED;
    }
}
