package com.rcm.j3490.input.x12;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public sample in src/test/resources/x12/public reads without a refusal, and its balancing
 * is what that folder's README says in its "Balances" column. The expectations are read from the
 * README itself, and every file of the folder must have a row there: a new sample without one, or a
 * README row whose file is gone, fails.
 */
class PublicSamplesTest {
    private static final Path FOLDER = Path.of("src/test/resources/x12/public");
    /** A README table row: | file | source | licence | size | content | balances |. */
    private static final Pattern ROW = Pattern.compile("^\\| *([^| ]+\\.(?:835|txt)) *\\|(?:[^|]*\\|){4} *([^|]+?) *\\|$");
    /** diasks2-era_835_parser__example_2..5.835 stands for example_2 to example_5. */
    private static final Pattern RANGE = Pattern.compile("(.*_)(\\d+)\\.\\.(\\d+)(\\..*)");

    record Result(List<X12ServiceLine> lines, RemittanceSummary summary) {
    }

    static Result read(String name) throws IOException {
        RemittanceSummary summary = new RemittanceSummary();
        List<X12ServiceLine> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(FOLDER.resolve(name));
                Remittance835Reader reader = new Remittance835Reader(X12SegmentReader.open(in, name), null, summary)) {
            X12ServiceLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return new Result(lines, summary);
    }

    /** The README's Balances column per file, ranges expanded. */
    static Map<String, String> readme() throws IOException {
        Map<String, String> balances = new LinkedHashMap<>();
        for (String line : Files.readAllLines(FOLDER.resolve("README.md"), StandardCharsets.UTF_8)) {
            Matcher m = ROW.matcher(line.trim());
            if (!m.matches()) {
                continue;
            }
            Matcher range = RANGE.matcher(m.group(1));
            if (range.matches()) {
                for (int i = Integer.parseInt(range.group(2)); i <= Integer.parseInt(range.group(3)); i++) {
                    balances.put(range.group(1) + i + range.group(4), m.group(2));
                }
            } else {
                balances.put(m.group(1), m.group(2));
            }
        }
        return balances;
    }

    @Test
    void everySampleHasAReadmeRowAndEveryRowASample() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(FOLDER)) {
            list.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md"))
                    .forEach(files::add);
        }
        assertEquals(files, new TreeSet<>(readme().keySet()));
        assertEquals(21, files.size());
    }

    @Test
    void everySampleReadsWithoutARefusalAndBalancesAsTheReadmeSays() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String> sample : readme().entrySet()) {
            String file = sample.getKey();
            String expected = sample.getValue();
            Result result = read(file); // a refusal throws
            List<TransactionBalance> sets = result.summary().transactions();
            assertFalse(sets.isEmpty(), file + " has no 835 transaction set");
            boolean transaction = sets.stream().allMatch(TransactionBalance::transactionBalances);
            boolean claim = sets.stream().allMatch(TransactionBalance::claimsBalance);
            boolean service = sets.stream().allMatch(TransactionBalance::serviceLinesBalance);
            boolean matches = switch (expected) {
                case "yes" -> transaction && claim && service;
                case "transaction yes, service no" -> transaction && !service;
                case "transaction yes, claim no" -> transaction && !claim;
                // the claims and lines balance, the payments (BPR02) not in every transaction set
                case "partly" -> claim && service && !transaction;
                // "n/a": placeholder values; only the reading is asserted
                case "n/a" -> true;
                default -> expected.startsWith("no") && !(transaction && claim && service);
            };
            if (!matches) {
                wrong.add(file + ": README says '" + expected + "', read: transaction " + transaction + ", claim " + claim
                        + ", service " + service + " " + sets);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
