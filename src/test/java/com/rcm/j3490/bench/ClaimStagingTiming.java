package com.rcm.j3490.bench;

import com.rcm.j3490.input.InputFiles;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.reconcile.StagedClaims;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Times the staging of an X12 night's 837 files alone (the first step's share of issue 14), with
 * 1 and 2 threads, into an in-memory H2 with the job's schema. Not a benchmark of the job: run it
 * niced, figures are wall and process CPU time of one run each.
 *
 * <pre>nice -n 19 java -cp target/test-classes:target/classes:$(cat cp.txt) com.rcm.j3490.bench.ClaimStagingTiming /tmp/night 100000</pre>
 */
public final class ClaimStagingTiming {
    private static int databases;

    private ClaimStagingTiming() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long lines = args.length > 1 ? Long.parseLong(args[1].replace("_", "")) : 100_000;
        Path claims = dir.resolve("x12/837");
        if (!Files.isDirectory(claims)) {
            // four remittance files, hence four 837s, as the bench night has
            InputGenerator.generate(Math.round(lines / 2.5), dir.resolve("csv"), InputGenerator.DEFAULT_SEED,
                    (int) Math.max(1, lines / 4 + 1));
            X12NightWriter.write(dir.resolve("csv/remittance"), dir.resolve("x12/835"), claims, false);
        }
        List<Path> files = InputFiles.list(claims, InputKind.CLAIM_LINES);
        for (int round = 0; round < 2; round++) { // the first round warms the JIT up
            for (int threads : new int[] {1, 2}) {
                time(files, threads, round == 1);
            }
        }
    }

    private static void time(List<Path> files, int threads, boolean print) throws Exception {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:staging-timing-" + databases++ + ";DB_CLOSE_DELAY=-1");
        try (Connection c = ds.getConnection()) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource("db/recon-schema.sql"));
        }
        StagedClaims store = new StagedClaims(new JdbcTemplate(ds));
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        StagedClaims.Staged staged = store.stage(1, StagedClaims.files(files), r -> { }, Set.of("J3490"), threads,
                new TransactionTemplate(new DataSourceTransactionManager(ds)));
        long wall = System.nanoTime() - t0;
        long cpu = os.getProcessCpuTime() - cpu0;
        if (print) {
            System.out.printf(Locale.ROOT, "%d file(s), %d thread(s): %d sendings, %d staged lines, %d claim lines; "
                    + "wall %.2f s, process CPU %.2f s%n", files.size(), threads, staged.sendings(),
                    staged.stagedLines(), staged.claimLines(), wall / 1e9, cpu / 1e9);
        }
        try (Connection c = ds.getConnection()) {
            c.createStatement().execute("SHUTDOWN");
        }
    }
}
