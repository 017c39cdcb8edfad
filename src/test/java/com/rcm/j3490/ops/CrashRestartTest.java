package com.rcm.j3490.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.bench.InputGenerator;
import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3's key promise: a run killed with SIGKILL (no shutdown hook, nothing cleaned up) in the
 * middle of the reconcile step, or in the middle of writing the workbook, is recovered and
 * relaunched with the same runDate, resumes from its last commit, and its workbook's All Lines
 * equals that of a run that never failed. Each run is a separate JVM started like the jar
 * ({@code java -cp ... com.rcm.j3490.ReconApplication}) on a generated input of about 20,000
 * remittance rows, with chunks of 200 rows so the kill lands mid-step with commits before it.
 */
@Tag("separate-jvm")
class CrashRestartTest {
    private static final String RUN_DATE = InputGenerator.RUN_DATE.toString();
    private static final int CLAIMS = 8_000;
    private static final int CHUNK = 200;
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern PROGRESS = Pattern.compile("Progress reconcileLines: ([\\d,]+) of ([\\d,]+) rows");

    @TempDir
    static Path work;
    private static Path inputs;
    private static JvmProcess cleanRun;
    private static List<String> baseline;
    private static Set<String> patientNames;

    @BeforeAll
    static void generateInputsAndStartARunThatNeverFails() throws Exception {
        inputs = work.resolve("inputs");
        InputGenerator.generate(CLAIMS, inputs, InputGenerator.DEFAULT_SEED);
        // the reference run goes on while the first crash case runs
        cleanRun = JvmProcess.start(Files.createDirectories(work.resolve("clean")), args("runDate=" + RUN_DATE));
        patientNames = patientNames(inputs.resolve("remittance"));
    }

    @AfterAll
    static void stopTheCleanRun() throws InterruptedException {
        if (cleanRun != null) {
            cleanRun.close();
        }
    }

    /** The All Lines of the run that never failed. */
    private static synchronized List<String> baseline() throws Exception {
        if (baseline == null) {
            assertThat(cleanRun.waitFor(RUN_TIMEOUT)).as(cleanRun.output()).isZero();
            noPatientNames(cleanRun);
            baseline = allLines(work.resolve("clean"));
            assertThat(baseline).hasSizeGreaterThan(10_000);
        }
        return baseline;
    }

    @Test
    void killedInTheMiddleOfTheReconcileStepResumesFromItsLastCommit() throws Exception {
        Path dir = Files.createDirectories(work.resolve("kill-reconcile"));
        long rowsAtKill;
        long total;
        // The default URL has H2 write each commit to its file at once (WRITE_DELAY=0), so the rows
        // committed before the kill are the ones the restart must not read again.
        List<String> killedRun = args("runDate=" + RUN_DATE);
        try (JvmProcess run = JvmProcess.start(dir, killedRun)) {
            String line = run.awaitLine(l -> progress(l) != null && progress(l)[0] >= progress(l)[1] / 5,
                    RUN_TIMEOUT).orElseThrow(() -> new AssertionError("no progress line; " + run.output()));
            // the progress line is logged as its chunk is written, just before the commit
            Thread.sleep(600);
            run.kill();
            rowsAtKill = progress(line)[0];
            total = progress(line)[1];
            assertThat(rowsAtKill).as("at least one chunk committed").isGreaterThanOrEqualTo(CHUNK);
            assertThat(rowsAtKill).as("the step had not finished").isLessThan(total);
            assertThat(run.stdout()).noneMatch(l -> l.contains("Step started: writeWorkbook"));
        }
        assertThat(workbook(dir)).doesNotExist();

        JvmProcess recover = JvmProcess.run(dir, args("recover", "runDate=" + RUN_DATE), RUN_TIMEOUT);
        assertThat(recover.exitCode()).as(recover.output()).isZero();
        assertThat(String.join("\n", recover.stdout())).contains("Recovered run " + RUN_DATE,
                "holds the H2 repository's file lock", "step reconcileLines stopped after");

        JvmProcess restart = JvmProcess.run(dir, args("runDate=" + RUN_DATE), RUN_TIMEOUT);
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(restart.stdout()).anyMatch(l -> l.contains("Run " + RUN_DATE + " completed in"));
        noPatientNames(restart);

        assertThat(allLines(dir)).isEqualTo(baseline());
        List<long[]> steps = stepExecutions(dir, "reconcileLines");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0)[0]).as("the killed execution's step is FAILED").isZero();
        assertThat(steps.get(1)[0]).as("the restart's step COMPLETED").isOne();
        long firstRead = steps.get(0)[1];
        assertThat(firstRead).as("rows committed before the kill").isGreaterThanOrEqualTo(rowsAtKill)
                .isLessThan(total);
        log("kill in reconcileLines at %,d of %,d rows; the restart read the other %,d", firstRead, total,
                steps.get(1)[1]);
        assertThat(steps.get(1)[1]).as("the restart read only the rest").isEqualTo(total - firstRead);
    }

    @Test
    void killedWhileWritingTheWorkbookLeavesNoHalfWrittenFileAndTheRestartWritesIt() throws Exception {
        Path dir = Files.createDirectories(work.resolve("kill-workbook"));
        Path killedTemp;
        try (JvmProcess run = JvmProcess.start(dir, args("runDate=" + RUN_DATE))) {
            run.awaitLine(l -> l.contains("Step started: writeWorkbook"), RUN_TIMEOUT)
                    .orElseThrow(() -> new AssertionError("the workbook step never started; " + run.output()));
            // the job's temporary files (patient data) are in its own private folder, not in /tmp
            awaitSheetData(dir.resolve("data/tmp"), Duration.ofSeconds(20));
            killedTemp = dir.resolve("data/tmp").resolve(Long.toString(run.pid()));
            run.kill();
            assertThat(run.stdout()).noneMatch(l -> l.contains("Step writeWorkbook COMPLETED"));
        }
        assertThat(workbook(dir)).as("no workbook under the final name").doesNotExist();
        assertThat(killedTemp).as("kill -9 leaves its temporary files").isNotEmptyDirectory();
        assertThat(java.nio.file.Files.getPosixFilePermissions(killedTemp))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        try (Stream<Path> systemTemp = Files.walk(dir.resolve("tmp"))) {
            assertThat(systemTemp.filter(Files::isRegularFile)).as("nothing in the system temp folder").isEmpty();
        }

        JvmProcess recover = JvmProcess.run(dir, args("recover", "runDate=" + RUN_DATE), RUN_TIMEOUT);
        assertThat(recover.exitCode()).as(recover.output()).isZero();
        assertThat(String.join("\n", recover.stdout())).contains("step writeWorkbook stopped after");

        JvmProcess restart = JvmProcess.run(dir, args("runDate=" + RUN_DATE), RUN_TIMEOUT);
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(killedTemp).as("the next start removes a dead process's temporary files").doesNotExist();
        // the job repository (staged lines hold patient names) is readable by the job's user only
        assertThat(Files.getPosixFilePermissions(dir.resolve("data")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("data/recon-repository.mv.db")))
                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));

        assertThat(allLines(dir)).isEqualTo(baseline());
        try (Stream<Path> files = Files.list(dir.resolve("reports"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly(WorklistWorkbookWriter.fileName(InputGenerator.RUN_DATE));
        }
        assertThat(stepExecutions(dir, "reconcileLines")).as("the reconcile step is not redone").hasSize(1);
        assertThat(stepExecutions(dir, "writeWorkbook")).hasSize(2);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private static void log(String format, Object... args) {
        System.out.printf("[CrashRestartTest] " + format + "%n", args);
    }

    private static List<String> args(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(
                "--recon.input.remittance=" + inputs.resolve("remittance"),
                "--recon.input.invoices=" + inputs.resolve("invoices"),
                "--recon.reference.contracts=" + inputs.resolve("reference/payer-contracts.csv"),
                "--recon.reference.pricing=" + inputs.resolve("reference/asp-pricing.csv"),
                "--recon.output.dir=reports",
                "--recon.repository.dir=data",
                "--recon.chunk-size=" + CHUNK,
                "--recon.progress.every-chunks=1"));
        return args;
    }

    /** {rows done, total} of a progress line, or null. */
    private static long[] progress(String line) {
        Matcher m = PROGRESS.matcher(line);
        return m.find() ? new long[] {number(m.group(1)), number(m.group(2))} : null;
    }

    private static long number(String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }

    private static Path workbook(Path dir) {
        return dir.resolve("reports").resolve(WorklistWorkbookWriter.fileName(InputGenerator.RUN_DATE));
    }

    private static List<String> allLines(Path dir) throws Exception {
        return WorkbookSheets.rows(workbook(dir), WorklistWorkbookWriter.ALL_LINES);
    }

    /** Waits until POI streams sheet rows to its temporary files: the workbook is being written. */
    private static void awaitSheetData(Path tmp, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (Stream<Path> files = Files.walk(tmp)) {
                if (files.anyMatch(p -> p.getFileName().toString().startsWith("poi-sxssf-sheet") && size(p) > 0)) {
                    return;
                }
            }
            Thread.sleep(10);
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /** {status is COMPLETED ? 1 : 0, read count} of a step's executions, oldest first (read after every process ended). */
    private static List<long[]> stepExecutions(Path dir, String step) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("data/recon-repository").toAbsolutePath();
        List<long[]> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT STATUS, READ_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME = '"
                        + step + "' ORDER BY STEP_EXECUTION_ID")) {
            while (rs.next()) {
                rows.add(new long[] {"COMPLETED".equals(rs.getString(1)) ? 1 : 0, rs.getLong(2)});
            }
        }
        return rows;
    }

    private static Set<String> patientNames(Path remittance) throws Exception {
        Set<String> names = new HashSet<>();
        try (Stream<Path> files = Files.list(remittance)) {
            for (Path f : files.toList()) {
                try (CsvRecordReader r = CsvRecordReader.open(f, InputKind.REMITTANCE)) {
                    CsvRecord rec;
                    while ((rec = r.next()) != null) {
                        if (rec.fields().length == rec.header().width() && rec.get("patient_name") != null) {
                            names.add(rec.get("patient_name"));
                        }
                    }
                }
            }
        }
        assertThat(names).hasSizeGreaterThan(100);
        return names;
    }

    /** Contract 1.1: a patient's name is never written to the logs. */
    private static void noPatientNames(JvmProcess p) {
        for (String line : p.stdout()) {
            for (String name : patientNames) {
                assertThat(line).as("log line with a patient name").doesNotContain(name);
            }
        }
    }
}
