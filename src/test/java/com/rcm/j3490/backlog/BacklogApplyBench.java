package com.rcm.j3490.backlog;

import static com.rcm.j3490.backlog.BacklogLines.line;

import com.rcm.j3490.rules.Status;
import java.nio.file.Path;
import java.time.LocalDate;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * Times the item apply on an H2 file (not a test): {@code open} items from night 1, then a night
 * of {@code lines} lines of which a quarter touch earlier items (every fifth of those pays one).
 * Usage: BacklogApplyBench [open=500000] [lines=1000000]; -Dh2.settings=... replaces the job's H2 URL settings.
 */
public final class BacklogApplyBench {
    private BacklogApplyBench() {
    }

    public static void main(String[] args) {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path dir = Path.of("target/backlog-bench");
        FileSystemUtils.deleteRecursively(dir.toFile());
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:./" + dir + "/backlog;" + System.getProperty("h2.settings", "CACHE_SIZE=1024;WRITE_DELAY=0"));
        ds.setUser("sa");
        BacklogStoreContractTest.createSchema(ds);
        BacklogStore store = new BacklogStore(ds);
        LocalDate night1 = LocalDate.of(2026, 11, 1);

        long t0 = System.nanoTime();
        try (BacklogStore.Night n1 = store.night(night1)) {
            for (int i = 0; i < open; i++) {
                n1.line(line("OLD-" + i, Status.DENIED_CO16).adjustments("CO-16:100.00").atStake("100.00").build());
            }
            n1.finish();
        }
        long t1 = System.nanoTime();
        BacklogStore.NightResult r;
        try (BacklogStore.Night n2 = store.night(night1.plusDays(1))) {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < lines; i++) {
            if (i % 4 == 0) {
                String claim = "OLD-" + random.nextInt(open);
                n2.line(i % 20 == 0 ? line(claim, Status.PAID_OK).paid("100.00").check("N2").build()
                        : line(claim, Status.DENIED_CO16).adjustments("CO-16:100.00").check("N2").build());
            } else {
                n2.line(i % 2 == 0 ? line("NEW-" + i, Status.PAID_OK).paid("100.00").build()
                        : line("NEW-" + i, Status.UNDERPAID).paid("90.00").atStake("10.00").build());
            }
        }
            r = n2.finish();
        }
        long t2 = System.nanoTime();
        long[] shown = new long[1];
        store.forEachOpen(i -> shown[0]++);
        long t3 = System.nanoTime();
        System.out.printf("night 1: %,d lines -> %,d open items in %.1f s%n", open, open, (t1 - t0) / 1e9);
        System.out.printf("night 2: %,d lines (%s) in %.1f s = %,.0f lines/s%n", lines, r.changes(), (t2 - t1) / 1e9,
                lines / ((t2 - t1) / 1e9));
        System.out.printf("reading the %,d open items back: %.1f s%n", shown[0], (t3 - t2) / 1e9);
    }
}
