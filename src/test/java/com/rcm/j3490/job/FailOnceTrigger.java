package com.rcm.j3490.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.api.Trigger;

/**
 * An H2 trigger on recon_line that fails the insert of one chosen row once: a real failure in
 * the middle of the reconcile step, with nothing in the production code to fake it.
 */
public class FailOnceTrigger implements Trigger {
    /** The first line insert at or past this seq fails; 0 = disarmed. Disarms itself after firing. */
    public static final AtomicLong FAIL_FROM_SEQ = new AtomicLong();

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        long seq = ((Number) newRow[1]).longValue();
        long from = FAIL_FROM_SEQ.get();
        if (from > 0 && seq >= from && FAIL_FROM_SEQ.compareAndSet(from, 0)) {
            throw new SQLException("simulated failure: database connection lost while writing line " + seq);
        }
    }
}
