package com.rcm.j3490.reconcile;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The duplicate keys of lines that earlier completed runs reconciled (contract 2.7: a remittance
 * re-sent, even re-saved with other line ends, is not reconciled again the next night). The keys
 * stay in the database ({@code recon_line_key}, indexed by check, counted only for
 * the runs in {@code recon_reconciled_run}: those that completed); this
 * class asks for them one check at a time: each chunk sends one query for the checks (payer and
 * check number) it has not asked about yet, and only the checks that an earlier run paid bring
 * their keys into memory. A night of new checks costs one index probe per check (a few hundred
 * to a few thousand a night), whatever the number of nights kept; a redelivered check costs its
 * own keys, once.
 */
final class EarlierRunKeys {
    /** Checks per query: well inside every database's limit of bind parameters. */
    private static final int BATCH = 500;

    private final JdbcTemplate jdbc;
    private final LocalDate runDate;
    /** Keys (and the run that reconciled each) of checks an earlier run paid. */
    private final Map<Long, Map<Key, Long>> keysOfCheck = new HashMap<>();
    /** Checks asked about, found or not. */
    private final Set<Long> asked = new HashSet<>();

    /**
     * @param runDate the run's date: the keys a completed run of the same date recorded are not
     *        counted (a rerun of the date reconciles it again on purpose, and replaces them)
     */
    EarlierRunKeys(JdbcTemplate jdbc, LocalDate runDate) {
        this.jdbc = jdbc;
        this.runDate = runDate;
    }

    /** Asks, in one query per {@value #BATCH}, for the keys of the checks not asked about yet. */
    void prefetch(Iterable<Long> checkKeys) {
        List<Long> toAsk = new ArrayList<>();
        for (Long check : checkKeys) {
            if (asked.add(check)) {
                toAsk.add(check);
            }
        }
        for (int from = 0; from < toAsk.size(); from += BATCH) {
            List<Long> batch = toAsk.subList(from, Math.min(toAsk.size(), from + BATCH));
            String marks = String.join(", ", java.util.Collections.nCopies(batch.size(), "?"));
            List<Object> args = new ArrayList<>(batch);
            args.add(java.sql.Date.valueOf(runDate));
            jdbc.query("SELECT k.check_key, k.key_high, k.key_low, k.job_instance_id FROM recon_line_key k "
                    + "JOIN recon_reconciled_run r ON r.job_instance_id = k.job_instance_id WHERE k.check_key IN ("
                    + marks + ") AND r.run_date <> ?", rs -> {
                        keysOfCheck.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .put(new Key(rs.getLong(2), rs.getLong(3)), rs.getLong(4));
                    }, args.toArray());
        }
    }

    /** The job instance of the earlier completed run that reconciled this key, or null. */
    Long reconciledBy(long checkKey, String duplicateKey) {
        Map<Key, Long> keys = keysOfCheck.get(checkKey);
        return keys == null ? null : keys.get(new Key(DuplicateKey.high(duplicateKey), DuplicateKey.low(duplicateKey)));
    }

    /** 128 bits of a line's key, as {@code recon_line_key} keeps it. */
    private record Key(long high, long low) {
    }
}
