package com.rcm.j3490.cli;

import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.ops.ReconCommands;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The command line: the first plain word is the command (run, runs, show, restart, recover,
 * abandon, rerun, schedule; none = run), {@code runDate=2026-11-23} (or {@code --runDate=...})
 * names the run. Dispatches the parsed {@link CommandLine} to the operations of {@link ReconCommands},
 * prints one line on standard error when refused, and leaves the exit code for
 * {@code SpringApplication.exit}.
 */
public class ReconRunner implements ApplicationRunner, ExitCodeGenerator {
    private final ReconCommands commands;
    private ExitCode exitCode = ExitCode.COMPLETED;

    public ReconRunner(ReconCommands commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            exitCode = execute(CommandLine.parse(args));
        } catch (UserError e) {
            refuse(e.exitCode(), e.getMessage());
        } catch (InputFileException e) {
            refuse(ExitCode.REFUSED, e.getMessage());
        }
    }

    /** The command dispatch: one operation per command word. */
    public ExitCode execute(CommandLine line) {
        return switch (line.command()) {
            case RUN -> commands.run(RunKey.of(line.runDateOrToday()).toJobParameters());
            case RUNS -> commands.runs(line.limit());
            case SHOW -> commands.show(line.runDate());
            case RESTART -> commands.restart(line.runDate());
            case RECOVER -> commands.recover(line.runDate(), line.confirm());
            case ABANDON -> commands.abandon(line.runDate());
            case RERUN -> commands.rerun(line.runDate(), line.confirm());
            case SCHEDULE -> commands.schedule();
            case BACKLOG -> commands.backlog(line.runDate());
        };
    }

    /** The run command's date: the given runDate, else today. */
    static LocalDate runDate(ApplicationArguments args) {
        return CommandLine.parse(args).runDateOrToday();
    }

    private void refuse(ExitCode code, String message) {
        exitCode = code;
        System.err.println(message);
    }

    @Override
    public int getExitCode() {
        return exitCode.code();
    }
}
