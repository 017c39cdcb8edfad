package com.rcm.j3490.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.Locale;

/**
 * Reads a finished run's figures from its H2 job repository, for the benchmark: step durations
 * from {@code BATCH_STEP_EXECUTION} (the job's logging configuration silences Spring Batch's
 * "Step: [x] executed in" line), and line counts from the staging table. Prints {@code key=value}
 * lines. Run it only after the job's process has exited (H2 file lock).
 *
 * <pre>
 * java -cp "$CP" com.rcm.j3490.bench.BenchRunReport &lt;recon.repository.dir&gt;
 * </pre>
 */
public final class BenchRunReport {
    private BenchRunReport() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: BenchRunReport <recon.repository.dir>");
            System.exit(2);
        }
        Class.forName("org.h2.Driver");
        String url = "jdbc:h2:file:" + Path.of(args[0]).toAbsolutePath().resolve("recon-repository")
                + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT STATUS, START_TIME, END_TIME FROM BATCH_JOB_EXECUTION "
                    + "ORDER BY JOB_EXECUTION_ID")) {
                while (rs.next()) {
                    print("job.status", rs.getString(1));
                    print("job.ms", millis(rs.getTimestamp(2), rs.getTimestamp(3)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT STEP_NAME, STATUS, START_TIME, END_TIME, READ_COUNT, "
                    + "WRITE_COUNT, COMMIT_COUNT FROM BATCH_STEP_EXECUTION ORDER BY STEP_EXECUTION_ID")) {
                while (rs.next()) {
                    String step = "step." + rs.getString(1);
                    print(step + ".status", rs.getString(2));
                    print(step + ".ms", millis(rs.getTimestamp(3), rs.getTimestamp(4)));
                    print(step + ".read", rs.getLong(5));
                    print(step + ".write", rs.getLong(6));
                    print(step + ".commits", rs.getLong(7));
                }
            }
            query(st, "targetLines", "SELECT COUNT(*) FROM recon_line");
            query(st, "duplicates", "SELECT COUNT(*) FROM recon_line WHERE duplicate_of IS NOT NULL");
            query(st, "allLinesRows", "SELECT COUNT(*) FROM recon_line WHERE duplicate_of IS NULL");
            query(st, "worklistRows",
                    "SELECT COUNT(*) FROM recon_line WHERE duplicate_of IS NULL AND status <> 'PAID_OK'");
            query(st, "rejectedRows", "SELECT COUNT(*) FROM recon_rejected_row");
            try (ResultSet rs = st.executeQuery("SELECT status, COUNT(*) FROM recon_line WHERE duplicate_of IS NULL "
                    + "GROUP BY status ORDER BY status")) {
                while (rs.next()) {
                    print("status." + rs.getString(1), rs.getLong(2));
                }
            } catch (SQLException e) {
                print("status.error", oneLine(e));
            }
        }
    }

    private static void query(Statement st, String key, String sql) {
        try (ResultSet rs = st.executeQuery(sql)) {
            print(key, rs.next() ? rs.getLong(1) : -1);
        } catch (SQLException e) {
            print(key + ".error", oneLine(e)); // the staging schema belongs to the job and may change
        }
    }

    private static long millis(Timestamp start, Timestamp end) {
        return start == null || end == null ? -1 : end.getTime() - start.getTime();
    }

    private static String oneLine(SQLException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
    }

    private static void print(String key, Object value) {
        System.out.println(String.format(Locale.ROOT, "%s=%s", key, value));
    }
}
