package com.rcm.j3490.bench;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvValidationException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Read floor of the benchmark: reads the remittance files with opencsv's {@code CSVReader}
 * (RFC 4180 parser) {@code readNext()} and nothing else — no header matching, no field parsing,
 * no objects kept. Prints one line: {@code read-floor rows=N files=F ms=T} (data rows, headers excluded).
 *
 * <pre>
 * java -cp "$CP" com.rcm.j3490.bench.OpenCsvReadFloor &lt;file-or-folder&gt;...
 * </pre>
 */
public final class OpenCsvReadFloor {
    private OpenCsvReadFloor() {
    }

    public static void main(String[] args) throws IOException, CsvValidationException {
        if (args.length == 0) {
            System.err.println("usage: OpenCsvReadFloor <remittance file or folder>...");
            System.exit(2);
        }
        List<Path> files = new ArrayList<>();
        for (String a : args) {
            files.addAll(csvFiles(Path.of(a)));
        }
        long t0 = System.nanoTime();
        long rows = 0;
        long fields = 0;
        for (Path file : files) {
            try (CSVReader reader = new CSVReaderBuilder(new BufferedReader(new InputStreamReader(
                    Files.newInputStream(file), StandardCharsets.UTF_8), 1 << 16))
                    .withCSVParser(new RFC4180ParserBuilder().build())
                    .build()) {
                String[] row = reader.readNext(); // header
                while ((row = reader.readNext()) != null) {
                    rows++;
                    fields += row.length; // keeps the JIT from dropping the work
                }
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "read-floor rows=%d files=%d fields=%d ms=%d rows_per_s=%d%n", rows,
                files.size(), fields, ms, ms == 0 ? 0 : rows * 1000 / ms);
    }

    /** A file, or a folder's *.csv files in name order (as the job reads them). */
    static List<Path> csvFiles(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().toLowerCase(Locale.ROOT)
                    .endsWith(".csv")).sorted().toList();
        }
    }
}
