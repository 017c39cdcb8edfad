package com.rcm.j3490.cli;

import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.UserError;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.boot.ApplicationArguments;

/**
 * The command line of the jar, Spring Boot style: {@code --name=value} options are properties
 * (and a few command options), the first plain word is the command, and {@code runDate=...}
 * names the run. No command = {@code run} (the nightly run, today when no runDate is given).
 *
 * @param runDate null when not given (the run command then uses today); the backlog command's asOf
 * @param limit   rows of the runs command
 * @param confirm {@code --confirm}: the explicit flag of rerun (and of recover on a shared repository)
 */
public record CommandLine(Command command, LocalDate runDate, int limit, boolean confirm) {
    public static final int DEFAULT_LIMIT = 20;
    static final String LIMIT = "limit";
    static final String CONFIRM = "confirm";
    /** The backlog command's date (kept in {@link #runDate}): asOf=YYYY-MM-DD. */
    static final String AS_OF = "asOf";

    /** The commands; their names are what a manager types. */
    public enum Command {
        RUN("run or resume a date (the default)"),
        RUNS("list recent runs"),
        SHOW("one run's executions and steps"),
        RESTART("resume a failed or stopped run"),
        RECOVER("mark a run left running by a dead process as failed"),
        ABANDON("never resume a failed run"),
        RERUN("reconcile a completed date again as a new run (needs --confirm)"),
        SCHEDULE("stay up and launch one run per night"),
        BACKLOG("open work items by worklist and age, as of the latest run; asOf=YYYY-MM-DD ages them to that day");

        private final String help;

        Command(String help) {
            this.help = help;
        }

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean needsRunDate() {
            return this == SHOW || this == RESTART || this == RECOVER || this == ABANDON || this == RERUN;
        }

        boolean takesRunDate() {
            return this != RUNS && this != SCHEDULE && this != BACKLOG;
        }

        static String usage() {
            // console and hash-password start their own application (see ReconApplication): listed, not parsed here
            return Arrays.stream(values()).map(c -> c.word() + " (" + c.help + ")").collect(Collectors.joining("; "))
                    + "; console (the web console: runs, workbooks and repairs in a browser)"
                    + "; hash-password (print the bcrypt hash of a console user's password)";
        }
    }

    /** Reads the arguments; throws {@link UserError} (exit code 2) for anything it does not understand. */
    public static CommandLine parse(ApplicationArguments args) {
        Command command = null;
        String runDate = null;
        String asOf = null;
        if (args.containsOption(RunKey.RUN_DATE)) {
            List<String> values = args.getOptionValues(RunKey.RUN_DATE);
            runDate = values.isEmpty() ? "" : values.get(values.size() - 1);
        }
        for (String arg : args.getNonOptionArgs()) {
            int eq = arg.indexOf('=');
            if (eq >= 0 && arg.substring(0, eq).equals(AS_OF)) {
                asOf = arg.substring(eq + 1);
            } else if (eq >= 0) {
                if (!arg.substring(0, eq).equals(RunKey.RUN_DATE)) {
                    throw refused("unknown argument '" + arg + "'; the run is named with runDate=YYYY-MM-DD, "
                            + "settings are given as --name=value");
                }
                runDate = arg.substring(eq + 1);
            } else if (command == null) {
                command = command(arg);
            } else {
                throw refused("unexpected argument '" + arg + "' after the command " + command.word());
            }
        }
        if (command == null) {
            command = Command.RUN;
        }
        if (asOf != null && command != Command.BACKLOG) {
            throw refused("asOf= is for the backlog command; the " + command.word() + " command takes "
                    + (command.takesRunDate() ? "runDate=YYYY-MM-DD" : "no date"));
        }
        if (command == Command.BACKLOG && runDate != null) {
            throw refused("the backlog command takes asOf=YYYY-MM-DD (default: the latest run), not runDate");
        }
        if (asOf != null) {
            return new CommandLine(command, date(asOf), limit(args), args.containsOption(CONFIRM));
        }
        if (runDate != null && !command.takesRunDate()) {
            throw refused("the " + command.word() + " command takes no runDate"
                    + (command == Command.SCHEDULE ? " (each night's run is dated when it starts)" : ""));
        }
        if (runDate == null && command.needsRunDate()) {
            throw refused("the " + command.word() + " command needs the run's date: " + command.word()
                    + " runDate=YYYY-MM-DD");
        }
        return new CommandLine(command, runDate == null ? null : date(runDate), limit(args),
                args.containsOption(CONFIRM));
    }

    /**
     * Spring Boot default properties (the lowest precedence: any setting given overrides them)
     * that suit the command named by the raw arguments, read before the application starts:
     * <ul>
     * <li>runs, show, recover, abandon print a table or a few lines: logging at WARN, so their
     * output is not lost in log lines;</li>
     * <li>schedule: the connection pool closes idle connections (after 10 s), so that between
     * two nightly runs the process does not hold the H2 file and its lock, and the manager
     * commands can open it. (A one-shot process keeps its connections, and so the lock, for its
     * whole life: that is what keeps a second process out.)</li>
     * </ul>
     */
    public static Map<String, Object> defaultProperties(String[] args) {
        String word = null;
        for (String arg : args) {
            if (!arg.startsWith("--") && arg.indexOf('=') < 0) {
                word = arg.toLowerCase(Locale.ROOT);
                break;
            }
        }
        if (word == null) {
            return Map.of();
        }
        if (List.of("runs", "show", "recover", "abandon", "backlog").contains(word)) {
            return Map.of("logging.level.root", "WARN");
        }
        if (word.equals(Command.SCHEDULE.word())) {
            return Map.of("spring.datasource.hikari.minimum-idle", "0", "spring.datasource.hikari.idle-timeout", "10000");
        }
        return Map.of();
    }

    /** The date of the run command: the given one, else today. */
    public LocalDate runDateOrToday() {
        return runDate != null ? runDate : LocalDate.now();
    }

    private static Command command(String word) {
        for (Command c : Command.values()) {
            if (c.word().equals(word.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw refused("unknown command '" + word + "'; commands: " + Command.usage());
    }

    /** {@code 2026-11-23}; a Spring Batch style type suffix ({@code ,java.time.LocalDate}) is tolerated. */
    static LocalDate date(String value) {
        String date = value.contains(",") ? value.substring(0, value.indexOf(',')) : value;
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw refused("runDate '" + value + "' is not a date like 2026-11-23");
        }
    }

    private static int limit(ApplicationArguments args) {
        if (!args.containsOption(LIMIT)) {
            return DEFAULT_LIMIT;
        }
        List<String> values = args.getOptionValues(LIMIT);
        String value = values.isEmpty() ? "" : values.get(values.size() - 1);
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit > 0) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused("--limit=" + value + " is not a positive number of runs");
    }

    private static UserError refused(String message) {
        return new UserError(ExitCode.REFUSED, message);
    }
}
