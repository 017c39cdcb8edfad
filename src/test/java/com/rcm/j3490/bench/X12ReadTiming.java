package com.rcm.j3490.bench;

import com.rcm.j3490.input.x12.Claim837Reader;
import com.rcm.j3490.input.x12.Remittance835Reader;
import com.rcm.j3490.input.x12.X12SegmentReader;
import com.rcm.j3490.input.x12.X12ServiceLine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads an X12 night's 835s (service lines with their raw text, no claims) and 837s (claims to a
 * sink that only counts their lines) on one thread, eight rounds, and prints each round's process
 * CPU time: the parse cost per segment, without the database. Run it niced, on the folder
 * {@link ClaimStagingTiming} generates ({@code <dir>/x12}, holding 835/ and 837/).
 */
public final class X12ReadTiming {
    private X12ReadTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        List<Path> r835 = list(dir.resolve("835"));
        List<Path> r837 = list(dir.resolve("837"));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 0; round < 8; round++) {
            long cpu0 = os.getProcessCpuTime();
            long lines = 0;
            for (Path p : r835) {
                try (Remittance835Reader r = new Remittance835Reader(X12SegmentReader.open(p), null, null)) {
                    X12ServiceLine l;
                    while ((l = r.next()) != null) {
                        lines += l.record().raw().length() > 0 ? 1 : 0;
                    }
                }
            }
            long cpu1 = os.getProcessCpuTime();
            long[] claims = {0};
            for (int i = 0; i < r837.size(); i++) {
                Claim837Reader.read(r837.get(i), i, (id, v, ls) -> claims[0] += ls.size());
            }
            long cpu2 = os.getProcessCpuTime();
            System.out.printf(Locale.ROOT, "round %d: 835 %d lines CPU %.2f s; 837 %d lines CPU %.2f s%n", round, lines,
                    (cpu1 - cpu0) / 1e9, claims[0], (cpu2 - cpu1) / 1e9);
        }
    }

    private static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }
}
