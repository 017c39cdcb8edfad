package com.rcm.j3490.backlog;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.util.FileSystemUtils;

/** The store on an H2 file database under target/, as the job uses it by default. */
class BacklogStoreH2Test extends BacklogStoreContractTest {
    private static final Path DIR = Path.of("target/backlog-db");
    private static int databases;

    @Override
    DataSource newDatabase() {
        Path dir = DIR.resolve("db" + ProcessHandle.current().pid() + "-" + databases++);
        FileSystemUtils.deleteRecursively(dir.toFile());
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:./" + dir + "/backlog;DB_CLOSE_DELAY=-1;WRITE_DELAY=0");
        ds.setUser("sa");
        createSchema(ds);
        return ds;
    }
}
