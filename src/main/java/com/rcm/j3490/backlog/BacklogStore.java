package com.rcm.j3490.backlog;

import com.rcm.j3490.reconcile.ReconRepository;
import com.rcm.j3490.reconcile.LineCodec;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The work items in the job's database (db/backlog-schema.sql), and the one way to change them:
 * a {@link Night} applies one run date's team columns and then its lines, in input order, through
 * {@link ItemLifecycle}.
 *
 * <h2>API</h2>
 * <ul>
 * <li>Applying a run date (the job's applyBacklog step): {@link #night(LocalDate)} →
 *     {@link Night#teamWorkbook} once and {@link Night#team} per row read back (through a
 *     {@link TeamColumnsSource}), then {@link Night#line} per staged line in input order, then
 *     {@link Night#finish()} → {@link NightResult}; close the night in any case.
 * <li>Reading (the workbook, the {@code backlog} command): {@link #forEachOpen},
 *     {@link #forEachResolvedSince} ({@link WorkbookItems} says which of them a workbook of a date
 *     shows, and sums them for the Summary), {@link #find}, {@link #openCount()},
 *     {@link #extraColumns()} (team-added headers, in order), {@link #lastTeamWorkbookDate()},
 *     {@link #latestAppliedDate()}, {@link #applied(LocalDate)}. Reads stream; on PostgreSQL call
 *     them inside a (read-only) transaction so that rows stream rather than load at once.
 * </ul>
 *
 * <h2>A date's changes apply once</h2>
 * Every item row records the run date of its last change ({@code changed_on}) and an undo image
 * of the item before that change ({@code undo_data}; {@code opened_on_change} when that change
 * opened it). {@code backlog_run} records each run date whose apply started. Applying a date that
 * was already (partly or wholly) applied — a restart after a crash, or a {@code rerun} — first
 * undoes that date: items it opened are deleted, items it changed get their undo image back.
 * Then the date's events are applied again from scratch, so items are never opened twice nor
 * recovered money counted twice, and the result equals that of a run that never failed. Because
 * of the undo, each statement may commit on its own (no transaction has to span the night).
 *
 * <p>A rerun of an <em>earlier</em> date after later dates were applied: the items that a later
 * date changed keep their state (the payer's later word and the team's later edits stand) and
 * the earlier date's lines for them are skipped ({@link ItemChange#SKIPPED_LATER_CHANGE}); every
 * other item is undone and re-applied as above. One undo image is kept per item, so an item the
 * rerun restored to an even earlier date cannot be undone again for that date (its lines are
 * skipped too).
 *
 * <h2>How it scales</h2>
 * A night starts by reading every item key into a Bloom filter ({@link KnownKeys}, ~1.2 bytes per
 * key): a line whose key it does not know has no item, so it needs no lookup (a paid line without
 * an item costs nothing; an actionable one opens an item directly). The night's lines are applied
 * in chunks of {@value #CHUNK} lines: one query per chunk finds the chunk's possible items by
 * {@code claim_id IN (...)} (the primary key's first column, so an index lookup
 * per claim in H2 and PostgreSQL), the chunk is applied in memory in input order, and the changed
 * items are written with one JDBC batch of INSERTs and one of UPDATEs. The cost grows with the
 * night's lines (a B-tree lookup and write each), not with the size of the backlog; items that
 * tonight does not mention are not read, only their keys at the start. The undo pass of a restart
 * or rerun walks the table once in claim order, a page at a time. Memory is one chunk and the filter.
 */
public class BacklogStore {
    static final int CHUNK = 2000;
    /** Claim ids per lookup query; the statement always has this many parameters (padded), so it is prepared once. */
    static final int LOOKUP_CLAIMS = 500;
    private static final int UNDO_PAGE = 1000;
    private static final int MAX_ACTION = 1000;

    private static final String ITEM_COLUMNS = "first_seen, opening_status, opening_baseline, status, amount_at_stake, "
            + "is_open, owner, work_status, follow_up_date, notes, team_extra, last_payer_action, last_payer_action_on, "
            + "resolved_on, resolution, recovered, line_data";
    private static final String SELECT_ITEM = "SELECT claim_id, line_number, payer_id, " + ITEM_COLUMNS
            + ", changed_on, opened_on_change, CASE WHEN undo_data IS NULL THEN 0 ELSE 1 END AS has_undo FROM backlog_item";
    private static final String SET_ITEM = "first_seen = ?, opening_status = ?, opening_baseline = ?, status = ?, "
            + "amount_at_stake = ?, is_open = ?, owner = ?, work_status = ?, follow_up_date = ?, notes = ?, "
            + "team_extra = ?, last_payer_action = ?, last_payer_action_on = ?, resolved_on = ?, resolution = ?, "
            + "recovered = ?, line_data = ?";
    private static final String WHERE_KEY = " WHERE claim_id = ? AND line_number = ? AND payer_id = ?";
    private static final String INSERT = "INSERT INTO backlog_item (" + ITEM_COLUMNS
            + ", changed_on, opened_on_change, undo_data, claim_id, line_number, payer_id) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, NULL, ?, ?, ?)";
    /** The night's first change of an existing item: keep its undo image. */
    private static final String UPDATE_FIRST = "UPDATE backlog_item SET " + SET_ITEM
            + ", changed_on = ?, opened_on_change = FALSE, undo_data = ?" + WHERE_KEY;
    /** A later change the same night: the undo image already holds the item before the night. */
    private static final String UPDATE_AGAIN = "UPDATE backlog_item SET " + SET_ITEM + WHERE_KEY;
    private static final String RESTORE = "UPDATE backlog_item SET " + SET_ITEM
            + ", changed_on = ?, opened_on_change = ?, undo_data = NULL" + WHERE_KEY;
    private static final String DELETE = "DELETE FROM backlog_item" + WHERE_KEY;
    private static final String LOOKUP = SELECT_ITEM + " WHERE claim_id IN ("
            + String.join(", ", java.util.Collections.nCopies(LOOKUP_CLAIMS, "?")) + ")";

    /**
     * Lines applied between two commits. H2 rewrites every page a transaction changed when it
     * commits, and a night's items are spread over the whole table: committing each chunk made
     * it rewrite most of the table a thousand times a night.
     */
    static final int COMMIT_EVERY = 200_000;
    /**
     * Items written (opened or changed) between two commits, whatever the lines: H2 keeps a
     * transaction's changes on the heap until it commits, and at 200,000 lines a night of new
     * claims (a quarter of its lines open items) doubled the 1M benchmark's peak heap after GC.
     */
    static final int ITEMS_PER_COMMIT = 20_000;
    /** Keys a night may open, on top of the items it starts with, for the size of {@link KnownKeys}. */
    private static final long EXPECTED_NEW_KEYS = 1_000_000;

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final int commitEvery;

    public BacklogStore(DataSource dataSource) {
        this(dataSource, COMMIT_EVERY);
    }

    BacklogStore(DataSource dataSource, int commitEvery) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.commitEvery = commitEvery;
    }

    // ---- applying a night --------------------------------------------------------------------

    /**
     * Starts applying a run date: records it, and undoes whatever an earlier attempt of the same
     * date changed. Then give the night's team columns ({@link Night#team}), its lines
     * ({@link Night#line}) and call {@link Night#finish}.
     */
    public Night night(LocalDate runDate) {
        // a connection of its own, never one bound to a caller's transaction: the night commits as it goes
        Night night = null;
        try {
            Connection con = dataSource.getConnection();
            con.setAutoCommit(false);
            night = new Night(runDate, con);
            night.start();
            return night;
        } catch (SQLException e) {
            if (night != null) {
                night.close();
            }
            throw new IllegalStateException("cannot apply the backlog: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (night != null) {
                night.close();
            }
            throw e;
        }
    }

    private void start(JdbcTemplate jdbc, Connection con, LocalDate runDate) throws SQLException {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        boolean started = jdbc.queryForObject("SELECT COUNT(*) FROM backlog_run WHERE run_date = ?", Integer.class,
                runDate) > 0;
        if (started) {
            // marked unfinished before the undo commits its first page: a crash in the undo must not
            // leave the date looking applied
            jdbc.update("UPDATE backlog_run SET started_at = ?, finished_at = NULL, team_workbook_date = NULL, "
                    + "lines_applied = 0, opened = 0, updated = 0, resolved = 0, reopened = 0, skipped = 0, "
                    + "recovered = 0 WHERE run_date = ?", now, runDate);
            con.commit();
            undo(jdbc, con, runDate);
        } else {
            // committed before any item changes, so that a crash after them is undone on restart
            jdbc.update("INSERT INTO backlog_run (run_date, started_at) VALUES (?, ?)", runDate, now);
        }
        con.commit();
    }

    /** Puts back every item the run date changed: deleted when it opened it, else its undo image. */
    private void undo(JdbcTemplate jdbc, Connection con, LocalDate runDate) throws SQLException {
        String from = "";
        while (true) {
            List<Object[]> page = jdbc.query("SELECT claim_id, line_number, payer_id, opened_on_change, undo_data "
                    + "FROM backlog_item WHERE claim_id >= ? AND changed_on = ? "
                    + "AND (opened_on_change = TRUE OR undo_data IS NOT NULL) ORDER BY claim_id FETCH FIRST "
                    + UNDO_PAGE + " ROWS ONLY",
                    (rs, n) -> new Object[] {new ItemKey(rs.getString(3), rs.getString(1), rs.getString(2)),
                            rs.getBoolean(4), rs.getBytes(5)},
                    from, runDate);
            if (page.isEmpty()) {
                return;
            }
            List<ItemKey> deletes = new ArrayList<>();
            List<ItemCodec.Undo> restores = new ArrayList<>();
            for (Object[] row : page) {
                if ((Boolean) row[1]) {
                    deletes.add((ItemKey) row[0]);
                } else {
                    restores.add(ItemCodec.undo((byte[]) row[2]));
                }
            }
            jdbc.batchUpdate(DELETE, deletes, Math.max(1, deletes.size()), (ps, key) -> bindKey(ps, 1, key));
            jdbc.batchUpdate(RESTORE, restores, Math.max(1, restores.size()), (ps, u) -> {
                int i = bindItem(ps, 1, u.item().item());
                ps.setObject(i++, u.changedOn());
                ps.setBoolean(i++, u.openedOnChange());
                bindKey(ps, i, u.item().key());
            });
            con.commit();
            // restored and deleted rows no longer match; a claim cut by the page limit comes again
            from = ((ItemKey) page.get(page.size() - 1)[0]).claimId();
        }
    }

    /** What a night did, counted by {@link ItemChange}. */
    public record NightResult(LocalDate runDate, long linesApplied, Map<ItemChange, Long> changes,
            BigDecimal recovered) {
        public long count(ItemChange change) {
            return changes.getOrDefault(change, 0L);
        }
    }

    /**
     * One run date's apply, on a connection of its own that commits every {@link #COMMIT_EVERY}
     * lines or {@link #ITEMS_PER_COMMIT} items written, whichever comes first, and at
     * {@link #finish}; close it (try-with-resources) whatever happens. Not
     * thread-safe. Team columns first, then lines in input order.
     */
    public final class Night implements AutoCloseable {
        private final LocalDate runDate;
        private final Connection con;
        private final JdbcTemplate jdbc;
        private long uncommitted;
        private long uncommittedItems;
        private final Map<ItemKey, TeamColumns> teamRows = new LinkedHashMap<>();
        /** every key with an item (after the undo of a restart or rerun), and the keys opened tonight */
        private KnownKeys known;
        private final List<ReconciledLine> lines = new ArrayList<>(CHUNK);
        private final Map<ItemChange, Long> changes = new java.util.EnumMap<>(ItemChange.class);
        private BigDecimal recovered = BigDecimal.ZERO;
        private long linesApplied;
        private LocalDate teamWorkbookDate;
        private boolean linesStarted;
        private boolean finished;

        private Night(LocalDate runDate, Connection con) {
            this.runDate = runDate;
            this.con = con;
            this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(con, true));
        }

        private void start() throws SQLException {
            BacklogStore.this.start(jdbc, con, runDate);
            long items = jdbc.queryForObject("SELECT COUNT(*) FROM backlog_item", Long.class);
            known = new KnownKeys(items + EXPECTED_NEW_KEYS);
            // the primary key's columns only
            jdbc.query(ReconRepository.streamingQuery("SELECT claim_id, line_number, payer_id FROM backlog_item"),
                    rs -> {
                        known.add(new ItemKey(rs.getString(3), rs.getString(1), rs.getString(2)));
                    });
        }

        private void commitIfDue() {
            if (uncommitted >= commitEvery || uncommittedItems >= ITEMS_PER_COMMIT) {
                commit();
            }
        }

        private void commit() {
            try {
                con.commit();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot commit the backlog: " + e.getMessage(), e);
            }
            uncommitted = 0;
            uncommittedItems = 0;
        }

        /** Gives the connection back; what was not committed is rolled back (a restart undoes the rest). */
        @Override
        public void close() {
            try {
                if (!finished) {
                    con.rollback();
                }
                con.setAutoCommit(true);
            } catch (SQLException e) {
                // the connection is given back anyway; the next apply of this date undoes it
            } finally {
                try {
                    con.close();
                } catch (SQLException e) {
                    // nothing more to do
                }
            }
        }

        public LocalDate runDate() {
            return runDate;
        }

        /**
         * Which workbook the team's columns come from (its run date), and the headers the team
         * added to it, in order: they are added after the columns already known.
         */
        public void teamWorkbook(LocalDate workbookDate, List<String> addedHeaders) {
            checkTeamPhase();
            teamWorkbookDate = workbookDate;
            List<String> known = extraColumns();
            List<String> added = addedHeaders.stream().filter(h -> !known.contains(h)).distinct().toList();
            int next = known.size();
            for (String header : added) {
                jdbc.update("INSERT INTO backlog_team_column (column_order, name) VALUES (?, ?)", next++, header);
            }
        }

        /** The team's columns for one item, as read back from the workbook. */
        public void team(ItemKey key, TeamColumns columns) {
            checkTeamPhase();
            teamRows.put(key, columns);
            if (teamRows.size() >= CHUNK) {
                flushTeam();
                uncommitted += CHUNK;
                commitIfDue();
            }
        }

        /** The night's next line (target lines, duplicates excluded), in input order. */
        public void line(ReconciledLine line) {
            if (finished) {
                throw new IllegalStateException("night already finished");
            }
            if (!linesStarted) {
                flushTeam();
                linesStarted = true;
            }
            lines.add(line);
            linesApplied++;
            if (lines.size() >= CHUNK) {
                flushLines();
                uncommitted += CHUNK;
                commitIfDue();
            }
        }

        /** Applies what is left and records the date as applied. */
        public NightResult finish() {
            if (finished) {
                throw new IllegalStateException("night already finished");
            }
            flushTeam();
            flushLines();
            long resolved = count(ItemChange.RESOLVED_BY_PAYER) + count(ItemChange.RESOLVED_BY_TEAM);
            jdbc.update("UPDATE backlog_run SET finished_at = ?, team_workbook_date = ?, lines_applied = ?, opened = ?, "
                    + "updated = ?, resolved = ?, reopened = ?, skipped = ?, recovered = ? WHERE run_date = ?",
                    Timestamp.valueOf(LocalDateTime.now()), teamWorkbookDate, linesApplied, count(ItemChange.OPENED),
                    count(ItemChange.UPDATED), resolved, count(ItemChange.REOPENED),
                    count(ItemChange.SKIPPED_LATER_CHANGE), com.rcm.j3490.rules.Money.cents(recovered), runDate);
            commit();
            finished = true;
            return new NightResult(runDate, linesApplied, java.util.Collections.unmodifiableMap(
                    new java.util.EnumMap<>(changes.isEmpty() ? Map.of(ItemChange.UNCHANGED, 0L) : changes)),
                    com.rcm.j3490.rules.Money.cents(recovered));
        }

        private long count(ItemChange change) {
            return changes.getOrDefault(change, 0L);
        }

        private void checkTeamPhase() {
            if (linesStarted || finished) {
                throw new IllegalStateException("the team's columns come before the night's lines");
            }
        }

        private void flushTeam() {
            if (teamRows.isEmpty()) {
                return;
            }
            Map<ItemKey, Touched> touched = lookup(teamRows.keySet());
            teamRows.forEach((key, columns) -> {
                Touched t = touched.get(key);
                if (t == null) {
                    changes.merge(ItemChange.NO_ITEM, 1L, Long::sum);
                } else if (t.skip) {
                    changes.merge(ItemChange.SKIPPED_LATER_CHANGE, 1L, Long::sum);
                } else {
                    record(t, ItemLifecycle.applyTeam(t.current, columns, runDate));
                }
            });
            write(touched.values());
            teamRows.clear();
        }

        private void flushLines() {
            if (lines.isEmpty()) {
                return;
            }
            Set<ItemKey> keys = new LinkedHashSet<>();
            for (ReconciledLine line : lines) {
                ItemKey key = ItemKey.of(line);
                if (known.mayContain(key)) {
                    keys.add(key);
                }
            }
            // a key the filter does not know has no item: no lookup
            Map<ItemKey, Touched> touched = keys.isEmpty() ? new HashMap<>() : lookup(keys);
            for (ReconciledLine line : lines) {
                ItemKey key = ItemKey.of(line);
                Touched t = touched.computeIfAbsent(key, k -> new Touched(null, null, false, false, false, false));
                if (t.skip) {
                    changes.merge(ItemChange.SKIPPED_LATER_CHANGE, 1L, Long::sum);
                    continue;
                }
                record(t, ItemLifecycle.applyLine(t.current, line, runDate));
            }
            write(touched.values());
            lines.clear();
        }

        private void record(Touched t, ItemLifecycle.Step step) {
            changes.merge(step.change(), 1L, Long::sum);
            if (step.change() == ItemChange.RESOLVED_BY_PAYER) {
                recovered = recovered.add(step.item().recovered());
            }
            if (step.item() != null && step.item() != t.current) {
                t.current = step.item();
                t.dirty = true;
            }
        }

        /** The items of these keys (with the claims' other items, unused), as rows of this night. */
        private Map<ItemKey, Touched> lookup(Collection<ItemKey> keys) {
            List<String> claims = new ArrayList<>(new LinkedHashSet<>(keys.stream().map(ItemKey::claimId).toList()));
            Map<ItemKey, Touched> found = new HashMap<>();
            for (int from = 0; from < claims.size(); from += LOOKUP_CLAIMS) {
                List<String> part = claims.subList(from, Math.min(claims.size(), from + LOOKUP_CLAIMS));
                jdbc.query(LOOKUP, ps -> {
                    for (int i = 0; i < LOOKUP_CLAIMS; i++) {
                        ps.setString(i + 1, part.get(Math.min(i, part.size() - 1)));
                    }
                }, rs -> {
                    ItemKey key = key(rs);
                    if (keys.contains(key)) {
                        LocalDate changedOn = rs.getObject("changed_on", LocalDate.class);
                        boolean opened = rs.getBoolean("opened_on_change");
                        boolean hasUndo = rs.getInt("has_undo") == 1;
                        boolean changedTonight = changedOn.equals(runDate) && (opened || hasUndo);
                        // a later date changed it, or a rerun left it without an undo image for this date
                        boolean skip = changedOn.isAfter(runDate) || (changedOn.equals(runDate) && !changedTonight);
                        found.put(key, new Touched(item(rs), changedOn, opened, changedTonight, skip, true));
                    }
                });
            }
            return found;
        }

        private void write(Collection<Touched> touched) {
            List<Touched> inserts = new ArrayList<>();
            List<Touched> firstUpdates = new ArrayList<>();
            List<Touched> againUpdates = new ArrayList<>();
            for (Touched t : touched) {
                if (!t.dirty) {
                    continue;
                }
                if (!t.exists) {
                    inserts.add(t);
                } else if (t.changedTonight) {
                    againUpdates.add(t);
                } else {
                    firstUpdates.add(t);
                }
            }
            inserts.forEach(t -> known.add(t.current.key()));
            uncommittedItems += inserts.size() + firstUpdates.size() + againUpdates.size();
            jdbc.batchUpdate(INSERT, inserts, Math.max(1, inserts.size()), (ps, t) -> {
                int i = bindItem(ps, 1, t.current);
                ps.setObject(i++, runDate);
                bindKey(ps, i, t.current.key());
            });
            jdbc.batchUpdate(UPDATE_FIRST, firstUpdates, Math.max(1, firstUpdates.size()), (ps, t) -> {
                int i = bindItem(ps, 1, t.current);
                ps.setObject(i++, runDate);
                ps.setBytes(i++, ItemCodec.undo(new ItemCodec.Undo(t.original, t.originalChangedOn, t.originalOpened)));
                bindKey(ps, i, t.current.key());
            });
            jdbc.batchUpdate(UPDATE_AGAIN, againUpdates, Math.max(1, againUpdates.size()), (ps, t) -> {
                int i = bindItem(ps, 1, t.current);
                bindKey(ps, i, t.current.key());
            });
        }
    }

    /** An item as this chunk found it (null when it has none) and as the chunk left it. */
    private static final class Touched {
        final WorkItem original;
        final LocalDate originalChangedOn;
        /** the original row was opened by its last change (kept in the undo image) */
        final boolean originalOpened;
        /** this night already changed the row (its undo image is in place) */
        final boolean changedTonight;
        final boolean skip;
        final boolean exists;
        WorkItem current;
        boolean dirty;

        Touched(WorkItem original, LocalDate originalChangedOn, boolean originalOpened, boolean changedTonight,
                boolean skip, boolean exists) {
            this.original = original;
            this.originalChangedOn = originalChangedOn;
            this.originalOpened = originalOpened;
            this.changedTonight = changedTonight;
            this.skip = skip;
            this.exists = exists;
            this.current = original;
        }
    }

    // ---- reading -----------------------------------------------------------------------------

    public Optional<WorkItem> find(ItemKey key) {
        List<WorkItem> items = jdbc.query(SELECT_ITEM + WHERE_KEY, ps -> bindKey(ps, 1, key), (rs, n) -> item(rs));
        return items.stream().findFirst();
    }

    /** Every open item, in no particular order (the worklists sort them), streamed. */
    public void forEachOpen(Consumer<WorkItem> sink) {
        forEachOpenStored(item -> sink.accept(item.item()));
    }

    /** Every open item as stored, its line not decoded (the worklists sort and spill them first). */
    public void forEachOpenStored(Consumer<StoredItem> sink) {
        jdbc.query(ReconRepository.streamingQuery(SELECT_ITEM + " WHERE is_open = TRUE"), rs -> {
            sink.accept(stored(rs));
        });
    }

    /** Every item resolved on or after a date (the Resolved sheet's window), streamed. */
    public void forEachResolvedSince(LocalDate from, Consumer<WorkItem> sink) {
        stream(SELECT_ITEM + " WHERE is_open = FALSE AND resolved_on >= ?", sink, from);
    }

    /** The headers the team added to the worklists, in order. */
    public List<String> extraColumns() {
        return jdbc.queryForList("SELECT name FROM backlog_team_column ORDER BY column_order", String.class);
    }

    /** The run date of the newest workbook whose team columns were read (a finished night's), if any. */
    public Optional<LocalDate> lastTeamWorkbookDate() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(team_workbook_date) FROM backlog_run "
                + "WHERE finished_at IS NOT NULL", (rs, n) -> rs.getObject(1, LocalDate.class)));
    }

    /** The latest run date whose apply finished, if any. */
    public Optional<LocalDate> latestAppliedDate() {
        return Optional.ofNullable(jdbc.queryForObject("SELECT MAX(run_date) FROM backlog_run WHERE finished_at IS NOT NULL",
                (rs, n) -> rs.getObject(1, LocalDate.class)));
    }

    /** Whether this run date's apply finished (a restart after it may skip it). */
    public boolean applied(LocalDate runDate) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM backlog_run WHERE run_date = ? AND finished_at IS NOT NULL",
                Integer.class, runDate) > 0;
    }

    public long openCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM backlog_item WHERE is_open = TRUE", Long.class);
    }

    private void stream(String sql, Consumer<WorkItem> sink, Object... args) {
        jdbc.query(ReconRepository.streamingQuery(sql, args), rs -> {
            sink.accept(item(rs));
        });
    }

    // ---- mapping -----------------------------------------------------------------------------

    private static ItemKey key(ResultSet rs) throws SQLException {
        return new ItemKey(rs.getString("payer_id"), rs.getString("claim_id"), rs.getString("line_number"));
    }

    private static WorkItem item(ResultSet rs) throws SQLException {
        return stored(rs).item();
    }

    private static StoredItem stored(ResultSet rs) throws SQLException {
        String workStatus = rs.getString("work_status");
        String resolution = rs.getString("resolution");
        TeamColumns team = new TeamColumns(rs.getString("owner"),
                workStatus == null ? null : WorkStatus.valueOf(workStatus),
                rs.getObject("follow_up_date", LocalDate.class), rs.getString("notes"),
                ItemCodec.extra(rs.getBytes("team_extra")));
        return new StoredItem(key(rs), rs.getObject("first_seen", LocalDate.class),
                Status.valueOf(rs.getString("opening_status")), rs.getBigDecimal("opening_baseline"),
                rs.getBytes("line_data"), team, rs.getString("last_payer_action"),
                rs.getObject("last_payer_action_on", LocalDate.class), rs.getObject("resolved_on", LocalDate.class),
                resolution == null ? null : Resolution.valueOf(resolution), rs.getBigDecimal("recovered"));
    }

    /** Binds {@link #ITEM_COLUMNS} from parameter {@code i}; returns the next parameter index. */
    private static int bindItem(PreparedStatement ps, int i, WorkItem item) throws SQLException {
        ps.setObject(i++, item.firstSeen());
        ps.setString(i++, item.openingStatus().name());
        ps.setBigDecimal(i++, item.openingBaseline());
        ps.setString(i++, item.status().name());
        decimal(ps, i++, item.amountAtStake());
        ps.setBoolean(i++, item.isOpen());
        TeamColumns team = item.team();
        ps.setString(i++, team.owner());
        ps.setString(i++, team.workStatus() == null ? null : team.workStatus().name());
        date(ps, i++, team.followUpDate());
        ps.setString(i++, team.notes());
        bytes(ps, i++, ItemCodec.extra(team.extra()));
        String action = item.lastPayerAction();
        ps.setString(i++, action != null && action.length() > MAX_ACTION ? action.substring(0, MAX_ACTION) : action);
        date(ps, i++, item.lastPayerActionOn());
        date(ps, i++, item.resolvedOn());
        ps.setString(i++, item.resolution() == null ? null : item.resolution().name());
        decimal(ps, i++, item.recovered());
        ps.setBytes(i++, LineCodec.encode(item.line()));
        return i;
    }

    private static void bindKey(PreparedStatement ps, int i, ItemKey key) throws SQLException {
        ps.setString(i, key.claimId());
        ps.setString(i + 1, key.lineNumber());
        ps.setString(i + 2, key.payerId());
    }

    private static void date(PreparedStatement ps, int i, LocalDate d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.DATE);
        } else {
            ps.setObject(i, d);
        }
    }

    private static void decimal(PreparedStatement ps, int i, BigDecimal d) throws SQLException {
        if (d == null) {
            ps.setNull(i, Types.NUMERIC);
        } else {
            ps.setBigDecimal(i, d);
        }
    }

    private static void bytes(PreparedStatement ps, int i, byte[] b) throws SQLException {
        if (b == null) {
            ps.setNull(i, Types.BINARY);
        } else {
            ps.setBytes(i, b);
        }
    }
}
