package com.rcm.j3490.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Whether this process holds the job repository alone. An embedded H2 file database is locked
 * by the process that opens it (the {@code .lock.db} file): while this process is connected, no
 * other process can run the job against it, so an execution marked STARTED there belongs to a
 * process that is gone. A server database (PostgreSQL, H2 over TCP, H2 with AUTO_SERVER) is
 * shared: only the manager can know that the process that ran an execution is dead.
 */
public final class RepositoryLock {
    private final String url;

    RepositoryLock(String url) {
        this.url = url;
    }

    public static RepositoryLock of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return new RepositoryLock(connection.getMetaData().getURL());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the job repository: " + e.getMessage(), e);
        }
    }

    /** True when the repository is an H2 file database opened by this process only. */
    public boolean exclusive() {
        String u = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (!u.startsWith("jdbc:h2:")) {
            return false;
        }
        String rest = u.substring("jdbc:h2:".length());
        boolean remoteOrMemory = rest.startsWith("tcp:") || rest.startsWith("ssl:") || rest.startsWith("mem:")
                || rest.startsWith("zip:");
        boolean lockShared = u.contains("auto_server=true") || u.contains("file_lock=no");
        return !remoteOrMemory && !lockShared;
    }

    public String url() {
        return url;
    }
}
