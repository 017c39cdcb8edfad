package com.rcm.j3490.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.ReconApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/** {@code recon.repository.dir} names the folder of the H2 file, absolute or relative to the working directory. */
class RepositoryLocationTest {
    @TempDir Path dir;

    @Test
    void anAbsoluteFolderIsUsedAsItIs() throws Exception {
        Path folder = dir.resolve("var/lib/j3490").toAbsolutePath();
        assertThat(RepositoryLocation.resolve(folder.toString())).isEqualTo(folder.normalize().toString());

        String url = openRepository(folder.toString());

        assertThat(url).startsWith("jdbc:h2:file:" + folder + "/recon-repository");
        assertThat(folder.resolve("recon-repository.mv.db")).exists();
    }

    @Test
    void aRelativeFolderIsTakenFromTheWorkingDirectory() throws Exception {
        Path relative = Path.of("target/repository-location-test");
        FileSystemUtils.deleteRecursively(relative);

        String url = openRepository(relative + "/./h2");

        Path expected = relative.resolve("h2").toAbsolutePath();
        assertThat(url).startsWith("jdbc:h2:file:" + expected + "/recon-repository");
        assertThat(expected.resolve("recon-repository.mv.db")).exists();
        assertThat(RepositoryLocation.resolve(" ")).isEqualTo(Path.of("data").toAbsolutePath().toString());
    }

    @Test
    void theFolderOfAnH2FileUrlIsCreatedBeforeTheDatabaseOpens() {
        Path folder = dir.resolve("new/install/h2");
        org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("recon.repository.dir", folder.toString())
                .withProperty("spring.datasource.url", "jdbc:h2:file:${recon.repository.path}/recon-repository;CACHE_SIZE=1024");

        new RepositoryLocation().postProcessEnvironment(environment, new SpringApplication());

        assertThat(folder).isDirectory();
    }

    @Test
    void noFolderIsCreatedForAnotherDatabase() {
        Path folder = dir.resolve("unused");
        org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
                .withProperty("recon.repository.dir", folder.toString())
                .withProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/test");

        new RepositoryLocation().postProcessEnvironment(environment, new SpringApplication());

        assertThat(folder).doesNotExist();
        assertThat(environment.getProperty("recon.repository.path")).isEqualTo(folder.toAbsolutePath().toString());
    }

    /** Starts the application without running a command; returns the URL it connected to. */
    private static String openRepository(String repositoryDir) throws Exception {
        SpringApplication application = new SpringApplication(ReconApplication.class);
        try (ConfigurableApplicationContext context = application.run("--recon.runner.enabled=false",
                "--logging.level.root=WARN", "--recon.repository.dir=" + repositoryDir)) {
            try (Connection connection = context.getBean(DataSource.class).getConnection()) {
                assertThat(Files.exists(Path.of(repositoryDir))).isTrue();
                return connection.getMetaData().getURL();
            }
        }
    }
}
