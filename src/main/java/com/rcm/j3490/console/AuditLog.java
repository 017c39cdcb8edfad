package com.rcm.j3490.console;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The table {@code console_audit} (db/console-schema.sql), in the job's own database: every action
 * asked for in the console, who asked, when, on which run, and how it ended.
 */
public class AuditLog {
    static final int MESSAGE_LENGTH = 2000;

    /** One row; {@code runDate} and {@code jobExecutionId} are null when they do not apply. */
    public record Entry(long id, LocalDateTime at, String username, String action, LocalDate runDate,
            Long jobExecutionId, String result, String message) {
    }

    private static final RowMapper<Entry> ROW = (rs, i) -> new Entry(rs.getLong("id"),
            rs.getTimestamp("at").toLocalDateTime(), rs.getString("username"), rs.getString("action"),
            rs.getObject("run_date", LocalDate.class), (Long) rs.getObject("job_execution_id", Long.class),
            rs.getString("result"), rs.getString("message"));

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String username, String action, LocalDate runDate, Long jobExecutionId, String result,
            String message) {
        String m = message == null || message.length() <= MESSAGE_LENGTH ? message
                : message.substring(0, MESSAGE_LENGTH - 1) + "…";
        jdbc.update("INSERT INTO console_audit (at, username, action, run_date, job_execution_id, result, message) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.valueOf(LocalDateTime.now(clock)), username, action, runDate, jobExecutionId, result, m);
    }

    /** The date's entries, newest first. */
    public List<Entry> forDate(LocalDate runDate, int limit) {
        return jdbc.query("SELECT * FROM console_audit WHERE run_date = ? ORDER BY id DESC FETCH FIRST " + limit
                + " ROWS ONLY", ROW, runDate);
    }

    /** The latest entries of all dates, newest first. */
    public List<Entry> recent(int limit) {
        return jdbc.query("SELECT * FROM console_audit ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY", ROW);
    }
}
