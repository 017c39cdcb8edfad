package com.rcm.j3490.console;

import com.rcm.j3490.ops.NightlySchedule;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * The nightly schedule inside the console process ({@code recon.console.schedule=true}), so that
 * one service serves the pages and launches the night's run: the schedule command's own
 * {@link NightlySchedule} (recon.schedule.cron, zone, run-date offset), started with the web
 * server and stopped before it (a run in progress stops at its next commit, as with the
 * schedule command). No second scheduler.
 */
public class ConsoleSchedule implements SmartLifecycle {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm VV");

    private final Supplier<NightlySchedule> start;
    private final Runnable stop;
    private volatile NightlySchedule schedule;

    /**
     * @param start starts the schedule and returns it (ReconCommands.startSchedule)
     * @param stop  ends it (ReconCommands.stopSchedule)
     */
    public ConsoleSchedule(Supplier<NightlySchedule> start, Runnable stop) {
        this.start = start;
        this.stop = stop;
    }

    @Override
    public void start() {
        schedule = start.get();
    }

    @Override
    public void stop() {
        if (schedule != null) {
            stop.run();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }

    /** The runs page's line: when the next night's run starts, and how the last one ended. */
    public String describe() {
        NightlySchedule s = schedule;
        if (s == null) {
            return null;
        }
        String last = s.lastOutcome() == null ? "" : "; the last scheduled run ended with exit code "
                + s.lastOutcome().code() + " (" + s.lastOutcome() + ")";
        return (s.isRunning() ? "The nightly schedule's run is going now. " : "")
                + "Nightly schedule in this console: next run at " + s.nextRun().format(WHEN) + last + ".";
    }
}
