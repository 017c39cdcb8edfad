package com.rcm.j3490.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.h2.api.Trigger;

/**
 * An H2 trigger on backlog_item that fails the next write once: a real failure in the middle of
 * the work items' apply, with nothing in the production code to fake it.
 */
public class FailBacklogOnceTrigger implements Trigger {
    public static final AtomicBoolean ARMED = new AtomicBoolean();

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (ARMED.compareAndSet(true, false)) {
            throw new SQLException("simulated failure: database connection lost while writing a work item");
        }
    }
}
