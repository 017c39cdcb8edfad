package com.rcm.j3490.console;

import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.ops.ReconCommands;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * PROVISIONAL: {@link RunOperations} over today's {@code ops.ReconCommands}, until the operations
 * return their results as values. Each call gets its own {@code ReconCommands} whose printed
 * lines are captured as the result's message (a refusal is its {@link UserError}'s message).
 *
 * <p>launch, restart and rerun run on one background thread: one run at a time from the
 * console. The request waits up to {@link #ANSWER_WAIT} for a refusal or a quick end, then
 * answers STARTED; the outcome is written to the audit table when the run ends. On shutdown a
 * run in progress is asked to stop at its next commit (ReconCommands' own shutdown path).
 */
public class ReconCommandsOperations implements RunOperations, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(ReconCommandsOperations.class);
    /** Refusals come before the job starts, in milliseconds; a run takes longer than this. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    private static final int WAITING = 0;
    private static final int ANSWERED_STARTED = 1;
    private static final int REPORTED_TO_REQUEST = 2;

    /** Makes a ReconCommands that prints its standard output and error to the given stream. */
    public interface CommandsFactory {
        ReconCommands create(PrintStream out);
    }

    private final CommandsFactory factory;
    private final AuditLog audit;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-run");
        t.setDaemon(false);
        return t;
    });
    private final AtomicReference<String> running = new AtomicReference<>();
    private final Set<ReconCommands> inFlight = ConcurrentHashMap.newKeySet();

    public ReconCommandsOperations(CommandsFactory factory, AuditLog audit) {
        this.factory = factory;
        this.audit = audit;
    }

    @Override
    public ActionResult launch(LocalDate runDate) {
        return inBackground(RunAction.LAUNCH, runDate, c -> c.run(ReconLauncher.parameters(runDate)));
    }

    @Override
    public ActionResult restart(LocalDate runDate) {
        return inBackground(RunAction.RESTART, runDate, c -> c.restart(runDate));
    }

    @Override
    public ActionResult rerun(LocalDate runDate) {
        return inBackground(RunAction.RERUN, runDate, c -> c.rerun(runDate, true));
    }

    @Override
    public ActionResult recover(LocalDate runDate, boolean processConfirmedDead) {
        return now(c -> c.recover(runDate, processConfirmedDead));
    }

    @Override
    public ActionResult abandon(LocalDate runDate) {
        return now(c -> c.abandon(runDate));
    }

    @Override
    public Optional<String> running() {
        return Optional.ofNullable(running.get());
    }

    private ActionResult now(Function<ReconCommands, ExitCode> command) {
        return call(command, new ByteArrayOutputStream());
    }

    private ActionResult inBackground(RunAction action, LocalDate runDate,
            Function<ReconCommands, ExitCode> command) {
        String what = action.word() + " of " + runDate;
        if (!running.compareAndSet(null, what)) {
            return ActionResult.refused("The console is already running a " + running.get()
                    + "; wait for it to end (its run page shows its progress).");
        }
        String user = currentUser();
        // who reports the outcome: the request (it ended while the request waited) or, once the
        // request has answered STARTED, the background thread, in the audit table
        AtomicInteger handoff = new AtomicInteger(WAITING);
        Future<ActionResult> future;
        try {
            future = background.submit(() -> {
                try {
                    ActionResult result = call(command, new ByteArrayOutputStream());
                    if (!handoff.compareAndSet(WAITING, REPORTED_TO_REQUEST)) {
                        audit.record(user, action.word(), runDate, result.jobExecutionId(), result.outcome().name(),
                                result.message());
                    }
                    return result;
                } finally {
                    running.set(null);
                }
            });
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
        try {
            try {
                return future.get(ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (handoff.compareAndSet(WAITING, ANSWERED_STARTED)) {
                    return ActionResult.started("The " + what + " is running in the background; this page shows how "
                            + "it goes, and its outcome is added to the actions below when it ends.");
                }
                return future.get(); // it ended at this very moment
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ActionResult.started("The " + what + " was started in the background.");
        } catch (ExecutionException e) {
            log.error("The console's {} failed", what, e.getCause());
            return ActionResult.failed("The " + what + " failed unexpectedly; the server log has the details.");
        }
    }

    /** Runs one command with its output captured; a refusal becomes a result. */
    private ActionResult call(Function<ReconCommands, ExitCode> command,
            ByteArrayOutputStream printed) {
        ReconCommands commands = factory.create(new PrintStream(printed, true, StandardCharsets.UTF_8));
        inFlight.add(commands);
        try {
            ExitCode code = command.apply(commands);
            String text = printed.toString(StandardCharsets.UTF_8).strip();
            return switch (code) {
                case COMPLETED -> ActionResult.done(text.isEmpty() ? "Done; the run page shows the outcome." : text);
                case FAILED -> ActionResult.failed(text.isEmpty() ? "The run failed; its page shows why." : text);
                default -> ActionResult.refused(text);
            };
        } catch (UserError | InputFileException e) {
            return ActionResult.refused(e.getMessage());
        } catch (RuntimeException e) {
            log.error("Console action failed", e);
            return ActionResult.failed("The action failed unexpectedly; the server log has the details.");
        } finally {
            inFlight.remove(commands);
        }
    }

    private static String currentUser() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a == null ? "(unknown)" : a.getName();
    }

    /** Shutdown: a run in progress stops at its next commit (resumable with restart). */
    @Override
    public void destroy() {
        for (ReconCommands c : inFlight) {
            c.destroy();
        }
        background.shutdown();
    }
}
