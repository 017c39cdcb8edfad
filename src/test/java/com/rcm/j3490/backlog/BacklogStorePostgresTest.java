package com.rcm.j3490.backlog;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The store on PostgreSQL (127.0.0.1:5432, database {@code test}, user postgres or root, no
 * password), each database a schema of its own, dropped afterwards; skipped when no such server
 * answers.
 */
@Tag("postgres")
class BacklogStorePostgresTest extends BacklogStoreContractTest {
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final List<String> SCHEMAS = new ArrayList<>();
    private static String user;

    @BeforeAll
    static void server() {
        user = reachableUser();
        assumeTrue(user != null, "no PostgreSQL on 127.0.0.1:5432 (database test, user postgres or root)");
    }

    @AfterAll
    static void dropSchemas() throws SQLException {
        if (user == null) {
            return;
        }
        for (String schema : SCHEMAS) {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    @Override
    DataSource newDatabase() {
        String schema = "backlog_test_" + ProcessHandle.current().pid() + "_" + SCHEMAS.size();
        SCHEMAS.add(schema);
        try {
            sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        DataSource ds = new DriverManagerDataSource(URL + "?currentSchema=" + schema, user, "");
        createSchema(ds);
        return ds;
    }

    /** postgres, else root; null when no server answers on 127.0.0.1:5432. */
    private static String reachableUser() {
        DriverManager.setLoginTimeout(3);
        for (String candidate : List.of("postgres", "root")) {
            try (Connection ignored = DriverManager.getConnection(URL + "?connectTimeout=3", candidate, "")) {
                return candidate;
            } catch (SQLException e) {
                // next user, or no server
            }
        }
        return null;
    }

    private static void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, user, ""); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
