package com.rcm.j3490.job;

import com.rcm.j3490.input.InputFileException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * The command line: {@code runDate=2026-11-23} (or {@code --runDate=...}; today when absent)
 * runs or resumes that date. Prints one line on standard error when refused or failed, and
 * leaves the exit code for {@code SpringApplication.exit}.
 */
public class ReconRunner implements ApplicationRunner, ExitCodeGenerator {
    private static final Logger log = LoggerFactory.getLogger(ReconRunner.class);

    private final ReconLauncher launcher;
    private ExitCode exitCode = ExitCode.COMPLETED;

    public ReconRunner(ReconLauncher launcher) {
        this.launcher = launcher;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            LocalDate runDate = runDate(args);
            JobExecution execution = launcher.launch(ReconLauncher.parameters(runDate));
            exitCode = report(execution);
        } catch (UserError e) {
            refuse(e.exitCode(), e.getMessage());
        } catch (InputFileException e) {
            refuse(ExitCode.REFUSED, e.getMessage());
        }
    }

    static LocalDate runDate(ApplicationArguments args) {
        String value = null;
        if (args.containsOption(ReconJobConfiguration.RUN_DATE)) {
            List<String> values = args.getOptionValues(ReconJobConfiguration.RUN_DATE);
            value = values.isEmpty() ? null : values.get(values.size() - 1);
        }
        for (String arg : args.getNonOptionArgs()) {
            if (arg.startsWith(ReconJobConfiguration.RUN_DATE + "=")) {
                value = arg.substring(ReconJobConfiguration.RUN_DATE.length() + 1);
            }
        }
        if (value == null || value.isBlank()) {
            return LocalDate.now();
        }
        String date = value.contains(",") ? value.substring(0, value.indexOf(',')) : value;
        try {
            return LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new UserError(ExitCode.REFUSED, "runDate '" + value + "' is not a date like 2026-11-23");
        }
    }

    private static ExitCode report(JobExecution execution) {
        String run = ReconLauncher.describe(execution.getJobParameters());
        Duration took = execution.getStartTime() == null || execution.getEndTime() == null ? Duration.ZERO
                : Duration.between(execution.getStartTime(), execution.getEndTime());
        if (execution.getStatus() == BatchStatus.COMPLETED) {
            log.info("Run {} completed in {} s: {}", run, took.toMillis() / 1000.0,
                    execution.getExecutionContext().getString(WriteWorkbookTasklet.WORKBOOK_PATH, "(no workbook)"));
            return ExitCode.COMPLETED;
        }
        List<Throwable> failures = execution.getAllFailureExceptions();
        String step = execution.getStepExecutions().stream()
                .filter(s -> s.getStatus() == BatchStatus.FAILED)
                .map(s -> s.getStepName())
                .collect(Collectors.joining(", "));
        String reason = failures.isEmpty() ? execution.getExitStatus().getExitDescription() : reason(failures.get(0));
        for (Throwable f : failures) {
            if (!(rootCause(f) instanceof InputFileException)) {
                log.error("Run {} failed", run, f);
            }
        }
        System.err.println("Run " + run + " " + execution.getStatus() + (step.isEmpty() ? "" : " in step " + step) + ": "
                + reason + ". Fix the cause and launch runDate=" + execution.getJobParameters().getLocalDate(
                        ReconJobConfiguration.RUN_DATE) + " again to resume where it stopped.");
        return ExitCode.FAILED;
    }

    private static String reason(Throwable t) {
        Throwable root = rootCause(t);
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }

    private static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
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
