package com.rcm.j3490.ops;

import java.nio.file.Path;
import java.util.Map;

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
 */
public class RepositoryLocation implements EnvironmentPostProcessor, Ordered {
    static final String DIR = "recon.repository.dir";
    static final String PATH = "recon.repository.path";
    static final String DEFAULT_DIR = "data";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String dir = environment.getProperty(DIR, DEFAULT_DIR);
        environment.getPropertySources().addLast(new MapPropertySource("reconRepositoryLocation",
                Map.of(PATH, resolve(dir))));
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
