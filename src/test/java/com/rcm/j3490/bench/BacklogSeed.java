package com.rcm.j3490.bench;

import com.rcm.j3490.backlog.BacklogStore;
import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.DrugSource;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Seeds the job's H2 file database with a backlog of open work items from earlier nights, before
 * a benchmark run (scripts/bench.sh, BENCH_BACKLOG): {@code items} actionable lines spread over
 * four earlier nights (100, 60, 30 and 7 days before the run date), applied through the store as
 * the job applies a night. Their claims ({@code BKL...}) are not in the generated input, so the
 * measured night opens its own items beside them and the workbook shows both.
 * Usage: BacklogSeed &lt;repository-dir&gt; &lt;items&gt; &lt;run-date&gt;
 */
public final class BacklogSeed {
    private static final int[] DAYS_BEFORE = {100, 60, 30, 7};
    private static final String[] PAYERS = {"00430", "62308", "87726", "60054", "00882"};
    private static final Status[] STATUSES = {Status.DENIED_OTHER, Status.UNDERPAID, Status.UNDERPAID,
            Status.OVERPAID, Status.NO_EXPECTED, Status.PATIENT_RESP};

    private BacklogSeed() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]).toAbsolutePath();
        int items = Integer.parseInt(args[1].replace("_", ""));
        LocalDate runDate = LocalDate.parse(args[2]);
        JdbcDataSource ds = new JdbcDataSource();
        // the job's URL (application.properties), so the job opens the same file as it would its own
        ds.setURL("jdbc:h2:file:" + dir.resolve("recon-repository") + ";DB_CLOSE_ON_EXIT=FALSE;CACHE_SIZE=1024;WRITE_DELAY=0");
        ds.setUser("sa");
        new ResourceDatabasePopulator(new ClassPathResource("db/backlog-schema.sql")).execute(ds);
        BacklogStore store = new BacklogStore(ds);
        Random random = new Random(3490);
        long started = System.nanoTime();
        int next = 0;
        for (int night = 0; night < DAYS_BEFORE.length; night++) {
            int upTo = (int) ((long) items * (night + 1) / DAYS_BEFORE.length);
            LocalDate date = runDate.minusDays(DAYS_BEFORE[night]);
            try (BacklogStore.Night n = store.night(date)) {
                for (; next < upTo; next++) {
                    n.line(line(next, date, random));
                }
                n.finish();
            }
        }
        System.out.printf("seeded %,d open items over %d nights in %.1f s%n", store.openCount(), DAYS_BEFORE.length,
                (System.nanoTime() - started) / 1e9);
    }

    private static ReconciledLine line(int n, LocalDate night, Random random) {
        Status status = STATUSES[random.nextInt(STATUSES.length)];
        BigDecimal billed = BigDecimal.valueOf(200 + random.nextInt(5000), 0).setScale(2);
        BigDecimal expected = billed.multiply(new BigDecimal("0.80")).setScale(2, java.math.RoundingMode.HALF_UP);
        BigDecimal paid = switch (status) {
            case DENIED_OTHER, PATIENT_RESP -> BigDecimal.ZERO.setScale(2);
            case UNDERPAID -> expected.subtract(BigDecimal.TEN);
            case OVERPAID -> expected.add(BigDecimal.TEN);
            default -> expected;
        };
        boolean noExpected = status == Status.NO_EXPECTED;
        String adjustments = status == Status.DENIED_OTHER ? "CO-96:" + billed
                : status == Status.PATIENT_RESP ? "PR-1:" + billed : "CO-45:" + billed.subtract(paid);
        LocalDate dos = night.minusDays(30 + random.nextInt(60));
        BigDecimal atStake = switch (status) {
            case DENIED_OTHER -> expected;
            case PATIENT_RESP -> billed;
            case NO_EXPECTED -> billed.subtract(paid);
            default -> expected.subtract(paid).abs();
        };
        return new ReconciledLine(String.format("BKL%09d", n), "1", "CHK-SEED-" + night, "1",
                PAYERS[n % PAYERS.length], "Payer " + PAYERS[n % PAYERS.length], null, "SEED, PATIENT", dos,
                night.minusDays(1), "J3490", "JZ", "12345-6789-01", "Seed drug", BigDecimal.TEN, "UN", BigDecimal.ONE,
                billed, paid, paid, noExpected ? null : expected, noExpected ? null : paid.subtract(expected),
                noExpected ? null : Basis.values()[0], noExpected ? null : new BigDecimal("106"), null, status,
                status == Status.DENIED_OTHER ? List.of("CO-96") : List.of(), List.of(), Set.of(), "Work it",
                "Billing", dos.plusDays(120), atStake, DrugSource.NONE, BigDecimal.ONE, noExpected ? null : expected,
                adjustments, dos.plusDays(365));
    }
}
