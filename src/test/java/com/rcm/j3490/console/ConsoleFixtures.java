package com.rcm.j3490.console;

import com.rcm.j3490.job.RunKey;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.ReconProgress;
import com.rcm.j3490.job.WriteWorkbookTasklet;
import com.rcm.j3490.ops.OpsFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.util.FileSystemUtils;

/** Users, a job repository of their own, and runs left in given states, for the console's tests. */
final class ConsoleFixtures {
    static final String VIEWER = "vera";
    static final String MANAGER = "max";
    static final String PASSWORD = "correct horse battery";
    /** bcrypt's lowest cost: the tests log in often. */
    private static final BCryptPasswordEncoder FAST = new BCryptPasswordEncoder(4);

    private ConsoleFixtures() {
    }

    /** The test's input and output folders: target/console-db/NAME/files/{remittance,ref,reports}. */
    static Path files(String name) {
        return Path.of("target/console-db", name, "files");
    }

    /**
     * The test's own job repository, inputs and users.
     *
     * @param skipLimit recon.skip-limit: a test makes a run fail on purpose with more malformed rows than this
     */
    static void register(DynamicPropertyRegistry registry, String name, int skipLimit) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./target/console-db/" + name + "/recon-repository");
        Path files = files(name);
        registry.add("recon.input.remittance", () -> files.resolve("remittance").toString());
        registry.add("recon.input.invoices", () -> files.resolve("ref/invoices").toString());
        registry.add("recon.reference.contracts", () -> files.resolve("ref/contracts.csv").toString());
        registry.add("recon.reference.pricing", () -> files.resolve("ref/pricing.csv").toString());
        registry.add("recon.output.dir", () -> files.resolve("reports").toString());
        registry.add("recon.chunk-size", () -> "20");
        registry.add("recon.skip-limit", () -> Integer.toString(skipLimit));
        registry.add("server.address", () -> "127.0.0.1");
        String viewerHash = FAST.encode(PASSWORD);
        String managerHash = FAST.encode(PASSWORD);
        registry.add("recon.console.users[0].username", () -> VIEWER);
        registry.add("recon.console.users[0].password-hash", () -> viewerHash);
        registry.add("recon.console.users[0].role", () -> "VIEWER");
        registry.add("recon.console.users[1].username", () -> MANAGER);
        registry.add("recon.console.users[1].password-hash", () -> managerHash);
        registry.add("recon.console.users[1].role", () -> "MANAGER");
    }

    /** Empty input folders with the reference files of OpsFixtures, and an empty output folder. */
    static void inputs(String name) throws IOException {
        Path files = files(name);
        FileSystemUtils.deleteRecursively(files);
        OpsFixtures.reference(files.resolve("ref"));
        Files.createDirectories(files.resolve("remittance"));
        Files.createDirectories(files.resolve("reports"));
    }

    static void clean(JdbcTemplate jdbc) {
        for (String table : List.of("BATCH_STEP_EXECUTION_CONTEXT", "BATCH_STEP_EXECUTION", "BATCH_JOB_EXECUTION_CONTEXT",
                "BATCH_JOB_EXECUTION_PARAMS", "BATCH_JOB_EXECUTION", "BATCH_JOB_INSTANCE", "recon_run_file", "recon_line",
                "recon_rejected_row", "recon_reconciled_file", "recon_line_key", "recon_reconciled_run", "backlog_item", "backlog_team_column", "backlog_run", "console_audit")) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    /** A run whose reconcile step failed on a stack trace whose root cause says why. */
    static JobExecution failedRun(JobRepository repository, LocalDate runDate, String rootCause) {
        String trace = "org.springframework.batch.core.step.StepException: step failed\n\tat a.b.C.d(C.java:1)\n"
                + "Caused by: java.lang.IllegalStateException: " + rootCause + "\n\tat e.f.G.h(G.java:2)\n";
        return run(repository, runDate, BatchStatus.FAILED, new ExitStatus("FAILED", trace));
    }

    /** What kill -9 leaves: the execution and its step marked STARTED. */
    static JobExecution startedByADeadProcess(JobRepository repository, LocalDate runDate) {
        return run(repository, runDate, BatchStatus.STARTED, ExitStatus.UNKNOWN);
    }

    /** A completed run whose workbook step recorded {@code workbook} as the file it wrote. */
    static JobExecution completedRun(JobRepository repository, LocalDate runDate, Path workbook) {
        JobExecution execution = run(repository, runDate, BatchStatus.COMPLETED, ExitStatus.COMPLETED);
        execution.getExecutionContext().putString(WriteWorkbookTasklet.WORKBOOK_PATH, workbook.toString());
        repository.updateExecutionContext(execution);
        return execution;
    }

    /** A run in its reconcile step: {@code done} of {@code total} rows committed, as ReconProgress records them. */
    static JobExecution reconciling(JobRepository repository, LocalDate runDate, long done, long total) {
        JobExecution execution = run(repository, runDate, BatchStatus.STARTED, ExitStatus.UNKNOWN);
        execution.getExecutionContext().putLong(ReconProgress.TOTAL_ROWS, total);
        repository.updateExecutionContext(execution);
        StepExecution step = repository.getLastStepExecution(execution.getJobInstance(), "reconcileLines");
        step.getExecutionContext().putLong(ReconProgress.ROWS_DONE, done);
        repository.updateExecutionContext(step);
        return execution;
    }

    private static JobExecution run(JobRepository repository, LocalDate runDate, BatchStatus status, ExitStatus exit) {
        JobParameters parameters = ReconLauncher.parameters(runDate);
        JobInstance instance = repository.createJobInstance(RunKey.JOB_NAME, parameters);
        JobExecution execution = repository.createJobExecution(instance, parameters, new ExecutionContext());
        LocalDateTime start = LocalDateTime.now().minusMinutes(5);
        execution.setStatus(status);
        execution.setStartTime(start);
        execution.setExitStatus(exit);
        if (!status.isRunning()) {
            execution.setEndTime(start.plusMinutes(1));
        }
        repository.update(execution);
        StepExecution step = repository.createStepExecution("reconcileLines", execution);
        step.setStatus(status);
        step.setStartTime(start);
        step.setCommitCount(3);
        step.setReadCount(60);
        step.setExitStatus(exit);
        if (!status.isRunning()) {
            step.setEndTime(start.plusMinutes(1));
        }
        repository.update(step);
        return execution;
    }
}
