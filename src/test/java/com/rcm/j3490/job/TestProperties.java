package com.rcm.j3490.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test's job at its own inputs, output folder and H2 file database under target/. */
final class TestProperties {
    private TestProperties() {
    }

    static void register(DynamicPropertyRegistry registry, Path dir) {
        Path in = dir.resolve("in");
        registry.add("spring.batch.job.enabled", () -> "false");
        registry.add("recon.runner.enabled", () -> "false");
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:./" + dir.resolve("db/repository"));
        registry.add("recon.input.remittance", () -> in.resolve("remittance").toString());
        registry.add("recon.input.invoices", () -> in.resolve("invoices").toString());
        registry.add("recon.reference.contracts", () -> in.resolve("contracts.csv").toString());
        registry.add("recon.reference.pricing", () -> in.resolve("pricing.csv").toString());
        registry.add("recon.output.dir", () -> dir.resolve("out").toString());
    }

    static void clean(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
