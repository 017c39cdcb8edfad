package com.rcm.j3490;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;

/**
 * A job repository (H2 file) that another process holds is recognised by H2's error codes, not by
 * its message text, and gets one line on standard error and exit code 4.
 */
class RepositoryInUseTest {
    private static final String LINE = "The job repository database is in use by another process (a run is in "
            + "progress?); this launch is refused. Retry when that process has finished.";

    @TempDir Path dir;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int startupFailure(Throwable e) {
        return ReconApplication.startupFailure(e, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * A second JVM (H2's own shell) opens the repository file and keeps it open; this process's
     * attempt fails as the application's start would, wrapped as Spring wraps it.
     */
    @Test
    void aRepositoryOpenInAnotherProcessIsRecognisedByItsErrorCode() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("recon-repository").toAbsolutePath();
        String h2Jar = Path.of(ErrorCode.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", h2Jar, "org.h2.tools.Shell", "-url", url, "-user", "sa", "-password", "")
                .redirectErrorStream(true).redirectOutput(dir.resolve("holder.log").toFile()).start();
        try {
            SQLException refused = refusedWhileHeld(url, holder, dir.resolve("holder.log"));
            assertThat(refused.getErrorCode()).isEqualTo(ErrorCode.DATABASE_ALREADY_OPEN_1);

            int code = startupFailure(new BeanCreationException("dataSourceScriptDatabaseInitializer",
                    "Failed to initialize", new IllegalStateException("Failed to obtain JDBC Connection", refused)));

            assertThat(code).isEqualTo(ReconApplication.EXIT_REPOSITORY_IN_USE).isEqualTo(4);
            assertThat(stderr()).isEqualTo(LINE + System.lineSeparator());
        } finally {
            holder.getOutputStream().close(); // the shell ends at the end of its input
            if (!holder.waitFor(10, TimeUnit.SECONDS)) {
                holder.destroyForcibly();
            }
        }
        // once that process is gone, the file opens
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(c.isValid(1)).isTrue();
        }
    }

    /** Waits until the other process holds the file (its shell prompts once connected), then connects. */
    private static SQLException refusedWhileHeld(String url, Process holder, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!(Files.exists(log) && Files.readString(log).contains("sql>"))) {
            if (!holder.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the other process did not open " + url + ": "
                        + (Files.exists(log) ? Files.readString(log) : "no output"));
            }
            Thread.sleep(100);
        }
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            throw new AssertionError("opened " + url + " although another process holds it");
        } catch (SQLException e) {
            return e;
        }
    }

    @Test
    void theMvStoresFileLockedCodeCountsToo() {
        int code = startupFailure(new IllegalStateException("start failed",
                new MVStoreException(DataUtils.ERROR_FILE_LOCKED, "locked")));
        assertThat(code).isEqualTo(4);
        assertThat(stderr()).isEqualTo(LINE + System.lineSeparator());
    }

    @Test
    void theWordsAloneAreNotTakenForALock() {
        int code = startupFailure(new IllegalStateException("start failed",
                new RuntimeException("Database may be already in use: the file is locked")));
        assertThat(code).isEqualTo(ReconApplication.EXIT_STARTUP_FAILED);
        assertThat(stderr()).startsWith("Cannot start: ");
        assertThatThrownBy(() -> {
            throw new SQLException("another error", "HY000", ErrorCode.GENERAL_ERROR_1);
        }).satisfies(e -> assertThat(ReconApplication.repositoryLocked(e)).isFalse());
    }
}
