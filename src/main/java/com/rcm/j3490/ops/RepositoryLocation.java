package com.rcm.j3490.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.rcm.j3490.job.PrivateFolder;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Resolves {@code recon.repository.dir} to an absolute, normalised folder and publishes it as
 * {@code recon.repository.path}, which the default {@code spring.datasource.url} uses.
 *
 * <p>Why: H2 wants a file URL either absolute or explicitly relative ({@code ./data}); a fixed
 * {@code ./} prefix turned an absolute folder such as {@code /var/lib/j3490} into
 * {@code .//var/lib/j3490}, under the working directory. A relative folder stays relative to the
 * working directory, as before.
 *
 * <p>When the datasource URL is in that folder, the folder is also created here: H2 creates it
 * too, but two processes launched at once on a new installation could both try, and H2 then
 * failed one with "a file with this name already exists" instead of letting its file lock
 * refuse it (exit 4).
 */
public class RepositoryLocation implements EnvironmentPostProcessor, Ordered {
    static final String DIR = "recon.repository.dir";
    static final String PATH = "recon.repository.path";
    static final String DEFAULT_DIR = "data";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String path = resolve(environment.getProperty(DIR, DEFAULT_DIR));
        environment.getPropertySources().addLast(new MapPropertySource("reconRepositoryLocation", Map.of(PATH, path)));
        String url = environment.getProperty("spring.datasource.url", "");
        if (url.startsWith("jdbc:h2:file:" + path + "/")) {
            try {
                Files.createDirectories(Path.of(path)); // tolerates another process creating it meanwhile
                PrivateFolder.restrict(Path.of(path)); // staged lines hold patient data: 0700, files 0600
            } catch (IOException | RuntimeException e) {
                // left to H2, which reports it with the database's own message
            }
        }
    }

    /** The folder as H2 should see it: absolute, with forward slashes. */
    static String resolve(String dir) {
        String folder = dir == null || dir.isBlank() ? DEFAULT_DIR : dir.strip();
        return Path.of(folder).toAbsolutePath().normalize().toString().replace('\\', '/');
    }

    @Override
    public int getOrder() {
        // After application.properties and the command line are in the environment.
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }
}
