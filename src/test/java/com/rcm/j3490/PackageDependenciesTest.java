package com.rcm.j3490;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The allowed dependency direction of docs/architecture.md, checked on the main source tree:
 * an import of one of our packages that is not listed for the importing package fails here.
 */
class PackageDependenciesTest {
    private static final Path MAIN = Path.of("src/main/java/com/rcm/j3490");
    private static final Pattern OUR_IMPORT = Pattern.compile("^import (?:static )?com\\.rcm\\.j3490\\.([a-z0-9.]+?)\\.[A-Z]",
            Pattern.MULTILINE);

    private static final Set<String> BASE = Set.of("input", "input.x12", "reference", "rules", "threads");
    private static final Set<String> FEATURES = union(BASE, Set.of("reconcile", "workbook", "carryover", "backlog"));
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("rules", Set.of()),
            Map.entry("threads", Set.of()), // SideThread: executors and their results, nothing of ours
            Map.entry("input", Set.of("rules")),
            Map.entry("input.x12", Set.of("input", "rules")),
            Map.entry("reference", Set.of("input", "rules")),
            Map.entry("reconcile", BASE),
            Map.entry("workbook", union(BASE, Set.of("reconcile", "backlog", "workbook.poi"))), // shows the work items
            Map.entry("workbook.poi", Set.of()), // the POI extension: POI only
            Map.entry("carryover", union(BASE, Set.of("workbook", "backlog"))), // reads the workbook back into items
            Map.entry("backlog", union(BASE, Set.of("reconcile"))), // stores items with the staged-line codec
            Map.entry("job", FEATURES),
            Map.entry("ops", union(FEATURES, Set.of("job"))),
            Map.entry("console", union(FEATURES, Set.of("job", "ops"))),
            Map.entry("cli", union(FEATURES, Set.of("job", "ops"))));
    // No "bench": the benchmark tools live in the test tree (src/test/java/com/rcm/j3490/bench), so
    // a bench package under src/main fails here as "not in docs/architecture.md".

    @Test
    void everyImportPointsDownTheLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path dir = MAIN.relativize(file.getParent());
                if (dir.toString().isEmpty()) {
                    continue; // the application class wires everything
                }
                String pkg = dir.toString().replace(java.io.File.separatorChar, '.');
                Set<String> allowed = ALLOWED.get(pkg);
                assertThat(allowed).as("package %s is not in docs/architecture.md", pkg).isNotNull();
                Matcher m = OUR_IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    String target = m.group(1);
                    if (!target.equals(pkg) && !allowed.contains(target)) {
                        violations.add(file.getFileName() + ": " + pkg + " -> " + target);
                    }
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void theCheckSeesAnUpwardImport() {
        Matcher m = OUR_IMPORT.matcher("import com.rcm.j3490.ops.ReconCommands;\nimport com.rcm.j3490.input.x12.Segment;");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("ops");
        assertThat(ALLOWED.get("job")).doesNotContain("ops", "cli");
        assertThat(ALLOWED.get("ops")).doesNotContain("cli", "console");
        assertThat(m.find()).isTrue();
        assertThat(m.group(1)).isEqualTo("input.x12");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
