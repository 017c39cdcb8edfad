package com.rcm.j3490.ops;

import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.UserError;
import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The command line: the first plain word is the command (run, runs, show, restart, recover,
 * abandon, rerun, schedule; none = run), {@code runDate=2026-11-23} (or {@code --runDate=...})
 * names the run. Dispatches to {@link ReconCommands}, prints one line on standard error when
 * refused, and leaves the exit code for {@code SpringApplication.exit}.
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
            exitCode = commands.execute(CommandLine.parse(args));
        } catch (UserError e) {
            refuse(e.exitCode(), e.getMessage());
        } catch (InputFileException e) {
            refuse(ExitCode.REFUSED, e.getMessage());
        }
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
