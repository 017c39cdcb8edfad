package com.rcm.j3490.ops;

import com.rcm.j3490.job.RunTracker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rcm.j3490.ReconApplication;
import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.job.ExitCode;
import com.rcm.j3490.job.ReconLauncher;
import com.rcm.j3490.job.UserError;
import com.rcm.j3490.workbook.WorklistWorkbookWriter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The whole job with its job repository and staging tables in PostgreSQL (127.0.0.1:5432,
 * database {@code test}, user postgres or root, no password), in a schema of its own that is
 * dropped afterwards; skipped when no such server answers. The same inputs run against the H2
 * file repository give the same All Lines: the SQL is portable.
 */
@Tag("postgres")
class PostgresRepositoryTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final LocalDate DAY = LocalDate.of(2026, 2, 2);

    @TempDir
    Path dir;

    @Test
    void theJobRunsAgainstPostgresqlAsAgainstH2() throws Exception {
        String user = reachableUser();
        assumeTrue(user != null, "no PostgreSQL on 127.0.0.1:5432 (database test, user postgres or root)");
        Path in = dir.resolve("in");
        OpsFixtures.reference(in);
        OpsFixtures.remittance(in.resolve("remittance/era.csv"), "PG", 300, Set.of(17));

        String schema = "recon_ops_test_" + ProcessHandle.current().pid();
        sql(user, "DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        List<String> onPostgres;
        String backlogOnPostgres;
        try (ConfigurableApplicationContext context = context(in, dir.resolve("pg-reports"),
                "spring.datasource.url=" + URL + "?currentSchema=" + schema, "spring.datasource.username=" + user,
                "spring.datasource.password=")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ReconCommands commands = commands(context, out);
            assertThat(context.getBean(RepositoryLock.class).exclusive()).isFalse();

            assertThat(commands.run(ReconLauncher.parameters(DAY))).isEqualTo(ExitCode.COMPLETED);
            long openItems = context.getBean(BacklogStore.class).openCount();
            assertThat(openItems).as("work items on PostgreSQL").isPositive();
            try {
                commands.run(ReconLauncher.parameters(DAY));
                throw new AssertionError("a completed date was launched again");
            } catch (UserError e) {
                assertThat(e.exitCode()).isEqualTo(ExitCode.ALREADY_COMPLETED);
            }
            assertThat(commands.rerun(DAY, true)).isEqualTo(ExitCode.COMPLETED);
            assertThat(context.getBean(BacklogStore.class).openCount()).as("the rerun opened no item twice")
                    .isEqualTo(openItems);
            backlogOnPostgres = backlog(context);
            RunHistory history = context.getBean(RunHistory.class);
            assertThat(history.ofDate(DAY)).extracting(RunHistory.Run::status)
                    .containsExactly(BatchStatus.COMPLETED, BatchStatus.COMPLETED);
            RunHistory.Run first = history.ofDate(DAY).get(0);
            assertThat(first.counts().rowsRead()).isEqualTo(300);
            assertThat(first.counts().rejected()).isEqualTo(1);
            commands.runs(5);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("rerun 1", "COMPLETED", " 300         257         1  COMPLETED");
            onPostgres = WorkbookSheets.rows(dir.resolve("pg-reports").resolve(WorklistWorkbookWriter.fileName(DAY)),
                    WorklistWorkbookWriter.ALL_LINES);
        } finally {
            sql(user, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }

        Path h2 = Path.of("target/ops-db/PostgresRepositoryTest");
        FileSystemUtils.deleteRecursively(h2);
        try (ConfigurableApplicationContext context = context(in, dir.resolve("h2-reports"),
                "spring.datasource.url=jdbc:h2:file:./" + h2 + "/recon-repository")) {
            assertThat(commands(context, new ByteArrayOutputStream()).run(ReconLauncher.parameters(DAY)))
                    .isEqualTo(ExitCode.COMPLETED);
            assertThat(backlog(context)).as("the backlog command's figures, H2 and PostgreSQL")
                    .contains("Total open").isEqualTo(backlogOnPostgres);
        }
        assertThat(WorkbookSheets.rows(dir.resolve("h2-reports").resolve(WorklistWorkbookWriter.fileName(DAY)),
                WorklistWorkbookWriter.ALL_LINES)).hasSize(1 + 300 - 300 / 7 - 1).isEqualTo(onPostgres);
    }

    private static ConfigurableApplicationContext context(Path in, Path reports, String... datasource) {
        List<String> properties = new ArrayList<>(List.of("spring.batch.job.enabled=false", "recon.runner.enabled=false",
                "recon.input.remittance=" + in.resolve("remittance"), "recon.input.invoices=" + in.resolve("invoices"),
                "recon.reference.contracts=" + in.resolve("contracts.csv"),
                "recon.reference.pricing=" + in.resolve("pricing.csv"), "recon.output.dir=" + reports,
                "recon.chunk-size=50"));
        properties.addAll(List.of(datasource));
        // as command-line arguments: they win over application.properties (builder properties would not)
        return new SpringApplicationBuilder(ReconApplication.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }

    /** What the backlog command prints for the date. */
    private static String backlog(ConfigurableApplicationContext c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        var readOnly = new org.springframework.transaction.support.TransactionTemplate(
                c.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        readOnly.setReadOnly(true);
        new BacklogReport(c.getBean(BacklogStore.class), readOnly, 30, new PrintStream(out, true, StandardCharsets.UTF_8))
                .print(DAY);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static ReconCommands commands(ConfigurableApplicationContext c, ByteArrayOutputStream out) {
        return new ReconCommands(c.getBean(com.rcm.j3490.job.ReconLauncher.class),
                c.getBean(org.springframework.batch.core.launch.JobOperator.class),
                c.getBean(org.springframework.batch.core.repository.JobRepository.class), c.getBean(RunHistory.class),
                c.getBean(RunReport.class), c.getBean(RunTracker.class), c.getBean(RepositoryLock.class),
                c.getBean(com.rcm.j3490.job.ReconProperties.class), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    /** postgres, else root; null when no server answers on 127.0.0.1:5432. */
    private static String reachableUser() {
        DriverManager.setLoginTimeout(3);
        for (String user : List.of("postgres", "root")) {
            try (Connection ignored = DriverManager.getConnection(URL + "?connectTimeout=3", user, "")) {
                return user;
            } catch (SQLException e) {
                // next user, or no server
            }
        }
        return null;
    }

    private static void sql(String user, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, user, ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
