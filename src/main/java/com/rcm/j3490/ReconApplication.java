package com.rcm.j3490;

import com.rcm.j3490.console.ConsoleCommand;
import com.rcm.j3490.console.HashPasswordCommand;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.PropertyRefusal;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.cli.CommandLine;
import java.io.PrintStream;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.message.DbException;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** Entry point: runs one command (by default the nightly run) and exits with its code. */
@SpringBootApplication
public class ReconApplication {
    /** The job repository is locked by another process (H2 file database in use). */
    static final int EXIT_REPOSITORY_IN_USE = 4;
    static final int EXIT_STARTUP_FAILED = 1;

    static {
        // H2 interns every string value it reads (hashing each one); the job streams a million
        // distinct ones, so the cache costs more than it saves. Must be set before H2 loads.
        System.setProperty("h2.objectCache", System.getProperty("h2.objectCache", "false"));
    }

    public static void main(String[] args) {
        if (HashPasswordCommand.isCalled(args)) {
            System.exit(HashPasswordCommand.run(System.console(), System.in, System.out, System.err));
        }
        boolean console = ConsoleCommand.isCalled(args);
        int code;
        try {
            SpringApplication application = new SpringApplication(ReconApplication.class);
            application.setDefaultProperties(CommandLine.defaultProperties(args));
            if (console) {
                application.setAdditionalProfiles(ConsoleCommand.PROFILE);
            }
            ConfigurableApplicationContext context = application.run(args);
            if (console) {
                return; // the web server serves until the process is stopped
            }
            if (context.isClosed()) {
                return; // the schedule command ended because the JVM is shutting down (SIGTERM): nothing to add
            }
            code = SpringApplication.exit(context);
        } catch (RuntimeException e) {
            code = startupFailure(e, System.err);
        }
        System.exit(code);
    }

    /** One actionable line on standard error instead of a stack trace. */
    static int startupFailure(Throwable e, PrintStream err) {
        Throwable root = e;
        boolean locked = repositoryLocked(root);
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            locked |= repositoryLocked(root);
        }
        String message = String.valueOf(root.getMessage()).replaceAll("\\s+", " ");
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UserError refusal && !locked) { // a setting a person must fix (console users)
                err.println(refusal.getMessage());
                return refusal.exitCode().code();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException bind && !locked) { // --recon.chunk-size=abc
                err.println(PropertyRefusal.describe(bind));
                return ExitCode.REFUSED.code();
            }
        }
        if (locked) {
            err.println("The job repository database is in use by another process (a run is in progress?); "
                    + "this launch is refused. Retry when that process has finished.");
            return EXIT_REPOSITORY_IN_USE;
        }
        err.println("Cannot start: " + message);
        return EXIT_STARTUP_FAILED;
    }

    /**
     * H2 refuses a second process on its file with error 90020 ({@link ErrorCode#DATABASE_ALREADY_OPEN_1},
     * "Database may be already in use") once the file is open; while the first process is still
     * opening it, the MVStore below may report its own "file locked" code
     * ({@link DataUtils#ERROR_FILE_LOCKED}), which H2 usually converts to 90020. The codes, not the
     * words: messages change between H2 versions and languages.
     */
    static boolean repositoryLocked(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
        }
        if (t instanceof DbException h2) { // H2's own exception, before JDBC wraps it
            return h2.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1;
        }
        return t instanceof MVStoreException store && store.getErrorCode() == DataUtils.ERROR_FILE_LOCKED;
    }
}
