package com.rcm.j3490.reconcile;

import static com.rcm.j3490.backlog.BacklogLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Duplicates across runs (contract 2.7): the line keys a run writes with its chunks count for later
 * runs only once the run completed, a rerun of a date replaces the date's earlier run, and a
 * repository of the earlier layout (keys copied at completion) keeps its keys.
 */
class ReconciledKeysTest {
    private static final LocalDate DAY_1 = LocalDate.of(2026, 11, 23);
    private static final LocalDate DAY_2 = DAY_1.plusDays(1);
    private static final LocalDate DAY_3 = DAY_1.plusDays(2);

    private JdbcDataSource dataSource;
    private JdbcTemplate jdbc;
    private ReconRepository repository;

    @BeforeEach
    void database() {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:reconciled-keys-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        jdbc = new JdbcTemplate(dataSource);
    }

    private void schema() {
        new ResourceDatabasePopulator(new ClassPathResource("db/recon-schema.sql")).execute(dataSource);
        repository = new ReconRepository(jdbc);
    }

    private static final List<ReconciledLine> NIGHT = List.of(
            line("C1", Status.UNDERPAID).check("CHK-7").build(),
            line("C1", Status.DENIED_CO16).check("CHK-7").lineNumber("2").build(),
            line("C2", Status.PAID_OK).check("CHK-8").build());

    /** Reconciles the lines as one chunk of a run; returns duplicate_of per line (null: reconciled). */
    private List<Long> reconcile(long instance, LocalDate runDate, List<ReconciledLine> lines) {
        List<LineOutcome> chunk = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReconciledLine l = lines.get(i);
            chunk.add(new LineOutcome.Reconciled(i, 0, "era.csv", i + 2L, key(l), l));
        }
        repository.writeChunk(instance, chunk, new DuplicateIndex(), repository.earlierRunKeys(runDate));
        return jdbc.query("SELECT duplicate_of FROM recon_line WHERE job_instance_id = ? ORDER BY seq",
                (rs, n) -> (Long) rs.getObject(1), instance);
    }

    private static String key(ReconciledLine l) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((l.claimId() + "|" + l.lineNumber()).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Long> reconciledBy(long instance, int lines) {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < lines; i++) {
            all.add(-instance);
        }
        return all;
    }

    @Test
    void theKeysOfARunCountForLaterNightsOnlyOnceItCompleted() {
        schema();
        reconcile(1, DAY_1, NIGHT);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recon_line_key WHERE job_instance_id = 1", Long.class))
                .as("written with the chunk").isEqualTo(3);

        assertThat(reconcile(2, DAY_2, NIGHT)).as("run 1 has not completed (failed, or still running)")
                .containsOnlyNulls();

        repository.registerReconciledKeys(1, DAY_1);
        assertThat(reconcile(3, DAY_3, NIGHT)).as("run 1 completed").isEqualTo(reconciledBy(1, 3));
    }

    @Test
    void aRerunOfADateReplacesTheDatesEarlierRun() {
        schema();
        reconcile(1, DAY_1, NIGHT);
        repository.registerReconciledKeys(1, DAY_1);

        assertThat(reconcile(2, DAY_1, NIGHT)).as("a rerun does not count its own date's lines as duplicates")
                .containsOnlyNulls();
        repository.registerReconciledKeys(2, DAY_1);
        repository.registerReconciledKeys(2, DAY_1); // a restart of the last step registers again: no error

        assertThat(jdbc.queryForList("SELECT job_instance_id FROM recon_reconciled_run", Long.class))
                .containsExactly(2L);
        assertThat(reconcile(3, DAY_2, NIGHT)).isEqualTo(reconciledBy(2, 3));
    }

    @Test
    void aRepositoryOfTheEarlierLayoutKeepsItsKeysAndUpgradesOnce() {
        // what a completed run of the earlier version left: its keys, copied at completion
        jdbc.execute("CREATE TABLE recon_reconciled_key (check_key BIGINT NOT NULL, duplicate_key VARCHAR(64) NOT NULL, "
                + "job_instance_id BIGINT NOT NULL, run_date DATE NOT NULL, PRIMARY KEY (check_key, duplicate_key))");
        for (ReconciledLine l : NIGHT) {
            jdbc.update("INSERT INTO recon_reconciled_key VALUES (?, ?, 9, ?)",
                    DuplicateKey.checkKey(l.payerId(), l.checkNumber()), key(l), java.sql.Date.valueOf(DAY_1));
        }

        schema();
        assertThat(repository.upgradeEarlierKeys()).isEqualTo(3);
        schema();
        assertThat(repository.upgradeEarlierKeys()).as("once").isZero();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recon_line_key WHERE job_instance_id = 9", Long.class))
                .isEqualTo(3);
        assertThat(reconcile(10, DAY_2, NIGHT)).isEqualTo(reconciledBy(9, 3));
    }
}
