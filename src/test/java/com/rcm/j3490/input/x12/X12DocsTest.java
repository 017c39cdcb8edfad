package com.rcm.j3490.input.x12;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The "Contract rule → test" table of docs/x12.md names a test for every rule of contract
 * section 5: each named test must exist (a renamed or deleted test fails here, as RuleDocsTest
 * does for the rules' tables), and no row may go without one.
 */
class X12DocsTest {
    private static final Path DOC = Path.of("docs/x12.md");
    private static final Path TESTS = Path.of("src/test/java");
    private static final Pattern TEST = Pattern.compile("`([A-Z][A-Za-z0-9]*)\\.([a-z][A-Za-z0-9]*)`");

    @Test
    void everyTestNamedInTheContractTableExists() throws IOException {
        String doc = Files.readString(DOC);
        int from = doc.indexOf("## Contract rule → test");
        String table = doc.substring(from, doc.indexOf("\n### ", from));
        List<String> rows = table.lines().filter(l -> l.startsWith("| 5") || l.startsWith("| issue")).toList();
        assertThat(rows).hasSizeGreaterThan(50);
        List<String> missing = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split("\\|");
            Matcher m = TEST.matcher(cells[cells.length - 1]);
            int found = 0;
            while (m.find()) {
                found++;
                if (!exists(m.group(1), m.group(2))) {
                    missing.add(m.group(1) + "." + m.group(2));
                }
            }
            assertThat(found).as("a test for: %s", row).isPositive();
        }
        assertThat(missing).isEmpty();
    }

    private static boolean exists(String testClass, String method) throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().equals(testClass + ".java")).toList()) {
                if (Pattern.compile("void " + method + "\\(").matcher(Files.readString(file)).find()) {
                    return true;
                }
            }
        }
        return false;
    }
}
