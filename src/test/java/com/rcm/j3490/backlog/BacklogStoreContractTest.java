package com.rcm.j3490.backlog;

import static com.rcm.j3490.backlog.BacklogLines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.backlog.BacklogStore.NightResult;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The store's rules, run against each database the job supports: a subclass gives a fresh,
 * empty database per call of {@link #newDatabase()}.
 */
abstract class BacklogStoreContractTest {
    static final LocalDate NIGHT_1 = LocalDate.of(2026, 11, 23);
    static final LocalDate NIGHT_2 = NIGHT_1.plusDays(1);
    static final LocalDate NIGHT_3 = NIGHT_1.plusDays(2);

    /** A new empty database (schema created by the job's own DDL). */
    abstract DataSource newDatabase();

    static void createSchema(DataSource dataSource) {
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(new ClassPathResource("db/backlog-schema.sql"));
        populator.execute(dataSource);
        populator.execute(dataSource); // idempotent: runs at every start
    }

    private static NightResult apply(BacklogStore store, LocalDate date, List<ReconciledLine> lines) {
        try (BacklogStore.Night night = store.night(date)) {
            lines.forEach(night::line);
            return night.finish();
        }
    }

    /** Every item, open and resolved, in key order. */
    private static List<WorkItem> all(BacklogStore store) {
        List<WorkItem> items = new ArrayList<>();
        store.forEachOpen(items::add);
        store.forEachResolvedSince(LocalDate.of(1900, 1, 1), items::add);
        items.sort(Comparator.comparing(WorkItem::key));
        return items;
    }

    private static Map<String, String> ordered(String... namesAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    private static long rows(DataSource ds) {
        return new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM backlog_item", Long.class);
    }

    static List<ReconciledLine> night1() {
        return List.of(
                line("A", Status.DENIED_CO16).adjustments("CO-16:1210.00").atStake("1210.00").build(),
                line("B", Status.UNDERPAID).paid("900.00").atStake("100.00").build(),
                line("C", Status.PAID_OK).paid("1000.00").build(),
                line("D", Status.OVERPAID).paid("1100.00").atStake("100.00").build(),
                line("B", Status.UNDERPAID).lineNumber("2").paid("10.00").atStake("5.00").build());
    }

    static List<ReconciledLine> night2() {
        return List.of(
                line("A", Status.PAID_OK).paid("1210.00").check("CHK-2").build(),
                line("E", Status.UNDERPAID).paid("800.00").atStake("200.00").build(),
                line("B", Status.UNDERPAID).lineNumber("2").paid("12.00").check("CHK-2").atStake("3.00").build(),
                // opened and resolved the same night, in input order
                line("F", Status.DENIED_CO50).adjustments("CO-50:500.00").atStake("500.00").build(),
                line("F", Status.PAID_OK).paid("450.00").check("CHK-3").build());
    }

    @Test
    void aNightOpensUpdatesAndResolvesItemsInInputOrder() {
        DataSource ds = newDatabase();
        BacklogStore store = new BacklogStore(ds);

        NightResult first = apply(store, NIGHT_1, night1());
        assertThat(first.count(ItemChange.OPENED)).isEqualTo(4);
        assertThat(first.count(ItemChange.NO_ITEM)).as("the PAID_OK line without item").isEqualTo(1);
        assertThat(store.openCount()).isEqualTo(4);
        WorkItem bBefore = store.find(new ItemKey("P1", "B", "1")).orElseThrow();

        NightResult second = apply(store, NIGHT_2, night2());

        assertThat(second.count(ItemChange.OPENED)).isEqualTo(2);
        assertThat(second.count(ItemChange.RESOLVED_BY_PAYER)).isEqualTo(2);
        assertThat(second.recovered()).isEqualByComparingTo("1660.00");
        WorkItem a = store.find(new ItemKey("P1", "A", "1")).orElseThrow();
        assertThat(a.resolution()).isEqualTo(Resolution.PAID_BY_PAYER);
        assertThat(a.resolvedOn()).isEqualTo(NIGHT_2);
        assertThat(a.recovered()).isEqualByComparingTo("1210.00");
        assertThat(a.lastPayerAction()).isEqualTo("CO-16 \u2192 paid 1,210.00");
        WorkItem f = store.find(new ItemKey("P1", "F", "1")).orElseThrow();
        assertThat(f.firstSeen()).isEqualTo(NIGHT_2);
        assertThat(f.recovered()).isEqualByComparingTo("450.00");
        WorkItem b2 = store.find(new ItemKey("P1", "B", "2")).orElseThrow();
        assertThat(b2.team().workStatus()).isEqualTo(WorkStatus.PAYER_RESPONDED);
        assertThat(b2.lastPayerAction()).isEqualTo("UNDERPAID paid 10.00 \u2192 12.00");
        assertThat(b2.firstSeen()).isEqualTo(NIGHT_1);
        assertThat(store.find(new ItemKey("P1", "B", "1"))).as("not mentioned: unchanged").contains(bBefore);
        assertThat(store.find(new ItemKey("P1", "C", "1"))).isEmpty();
        assertThat(store.openCount()).isEqualTo(4);
        assertThat(store.latestAppliedDate()).contains(NIGHT_2);

        List<WorkItem> resolved = new ArrayList<>();
        store.forEachResolvedSince(NIGHT_2, resolved::add);
        assertThat(resolved).extracting(i -> i.key().claimId()).containsExactlyInAnyOrder("A", "F");
    }

    @Test
    void linesOfOneItemInSeveralChunksApplyInInputOrder() {
        DataSource ds = newDatabase();
        BacklogStore store = new BacklogStore(ds);
        int n = BacklogStore.CHUNK * 2 + 17;
        List<ReconciledLine> lines = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lines.add(line("K" + (i % 1500), Status.UNDERPAID).lineNumber("1").paid(i + ".00").check("C" + i).build());
        }
        apply(store, NIGHT_1, lines);
        assertThat(rows(ds)).isEqualTo(1500);
        for (int k : new int[] {0, 7, 1499}) {
            int last = k + 1500 * ((n - 1 - k) / 1500);
            WorkItem item = store.find(new ItemKey("P1", "K" + k, "1")).orElseThrow();
            assertThat(item.line().paid()).isEqualByComparingTo(last + ".00");
            assertThat(item.openingBaseline()).as("the first line opened it").isEqualByComparingTo(k + ".00");
        }
    }

    @Test
    void aRestartAfterACrashAppliesTheDateOnce() {
        DataSource reference = newDatabase();
        BacklogStore once = new BacklogStore(reference);
        apply(once, NIGHT_1, night1());
        apply(once, NIGHT_2, bigNight2());

        DataSource ds = newDatabase();
        BacklogStore store = new BacklogStore(ds, BacklogStore.CHUNK); // commits every chunk
        apply(store, NIGHT_1, night1());
        List<ReconciledLine> lines = bigNight2();
        try (BacklogStore.Night crashed = store.night(NIGHT_2)) {
            // one chunk committed, then the crash: the connection is lost with the rest
            lines.subList(0, BacklogStore.CHUNK + 10).forEach(crashed::line);
        }

        assertThat(rows(ds)).as("the crashed attempt's first chunk was written").isEqualTo(4 + 2 + BacklogStore.CHUNK - night2().size());
        assertThat(store.find(new ItemKey("P1", "A", "1")).orElseThrow().isOpen()).isFalse();
        NightResult restarted = apply(new BacklogStore(ds), NIGHT_2, lines);

        assertThat(all(store)).isEqualTo(all(once));
        assertThat(rows(ds)).isEqualTo(rows(reference));
        assertThat(restarted.recovered()).isEqualByComparingTo("1660.00");
        assertThat(store.find(new ItemKey("P1", "A", "1")).orElseThrow().recovered()).isEqualByComparingTo("1210.00");

        // and once more, after it finished: still the same
        apply(new BacklogStore(ds), NIGHT_2, lines);
        assertThat(all(store)).isEqualTo(all(once));
    }

    /** Night 2 with enough new items for more than one chunk. */
    static List<ReconciledLine> bigNight2() {
        List<ReconciledLine> lines = new ArrayList<>(night2()); // changes to night 1's items come first
        for (int i = 0; i < BacklogStore.CHUNK + 500; i++) {
            lines.add(line("N" + i, Status.DENIED_CO50).adjustments("CO-50:10.00").atStake("10.00").build());
        }
        lines.add(line("B", Status.UNDERPAID).paid("950.00").check("CHK-5").atStake("50.00").build());
        return lines;
    }

    @Test
    void aRerunOfTheLatestDateReplacesItsChanges() {
        DataSource reference = newDatabase();
        BacklogStore once = new BacklogStore(reference);
        apply(once, NIGHT_1, night1());
        List<ReconciledLine> corrected = List.of(
                line("A", Status.DENIED_CO16).adjustments("CO-16:1210.00").remarks("N350").check("CHK-2").build(),
                line("G", Status.NO_EXPECTED).atStake("70.00").build());
        apply(once, NIGHT_2, corrected);

        DataSource ds = newDatabase();
        BacklogStore store = new BacklogStore(ds);
        apply(store, NIGHT_1, night1());
        apply(store, NIGHT_2, night2());
        apply(store, NIGHT_2, corrected); // rerun with the corrected remittances

        assertThat(all(store)).isEqualTo(all(once));
        assertThat(store.find(new ItemKey("P1", "F", "1"))).as("opened only by the first attempt").isEmpty();
    }

    @Test
    void aRerunOfAnEarlierDateLeavesWhatALaterDateChanged() {
        DataSource ds = newDatabase();
        BacklogStore store = new BacklogStore(ds);
        apply(store, NIGHT_1, night1());
        apply(store, NIGHT_2, night2());
        WorkItem a = store.find(new ItemKey("P1", "A", "1")).orElseThrow();
        WorkItem d = store.find(new ItemKey("P1", "D", "1")).orElseThrow();

        NightResult rerun = apply(store, NIGHT_1, night1());

        assertThat(rerun.count(ItemChange.SKIPPED_LATER_CHANGE)).as("A and B-2 were changed on night 2").isEqualTo(2);
        assertThat(store.find(new ItemKey("P1", "A", "1"))).contains(a);
        assertThat(store.find(new ItemKey("P1", "D", "1"))).as("undone and opened again: the same").contains(d);
        assertThat(rows(ds)).isEqualTo(6);
        List<WorkItem> resolved = new ArrayList<>();
        store.forEachResolvedSince(NIGHT_1, resolved::add);
        assertThat(resolved).extracting(WorkItem::recovered).extracting(java.math.BigDecimal::toPlainString)
                .containsExactlyInAnyOrder("1210.00", "450.00");
    }

    @Test
    void theTeamsColumnsAreKeptAndResolveItems() {
        DataSource ds = newDatabase();
        BacklogStore store = new BacklogStore(ds);
        apply(store, NIGHT_1, night1());

        BacklogStore.Night night = store.night(NIGHT_2);
        night.teamWorkbook(NIGHT_1, List.of("My Priority", "Call Log"));
        night.team(new ItemKey("P1", "D", "1"), new TeamColumns("bob", WorkStatus.REFUND_SENT, NIGHT_2.plusDays(3),
                "refund check 5521", ordered("My Priority", "high", "Call Log", "")));
        night.team(new ItemKey("P1", "B", "1"), new TeamColumns("ann", WorkStatus.IN_PROGRESS, null, "called",
                Map.of("My Priority", "low")));
        night.team(new ItemKey("P1", "ZZ", "1"), new TeamColumns("x", WorkStatus.CLOSED, null, null, Map.of()));
        night.line(line("E", Status.UNDERPAID).build());
        assertThatThrownBy(() -> night.team(new ItemKey("P1", "A", "1"), TeamColumns.NEW))
                .isInstanceOf(IllegalStateException.class);
        NightResult result = night.finish();
        night.close();

        assertThat(result.count(ItemChange.RESOLVED_BY_TEAM)).isEqualTo(1);
        assertThat(result.count(ItemChange.TEAM_EDITED)).isEqualTo(1);
        assertThat(result.count(ItemChange.NO_ITEM)).isEqualTo(1);
        WorkItem d = store.find(new ItemKey("P1", "D", "1")).orElseThrow();
        assertThat(d.resolution()).isEqualTo(Resolution.REFUND_SENT);
        assertThat(d.team().followUpDate()).isEqualTo(NIGHT_2.plusDays(3));
        assertThat(d.team().extra()).containsExactly(Map.entry("My Priority", "high"), Map.entry("Call Log", ""));
        assertThat(store.extraColumns()).containsExactly("My Priority", "Call Log");
        assertThat(store.lastTeamWorkbookDate()).contains(NIGHT_1);

        // night 3: the payer sends the overpaid line again: reopened with the team's history
        BacklogStore.Night third = store.night(NIGHT_3);
        third.teamWorkbook(NIGHT_2, List.of("Call Log", "Escalated To"));
        third.line(line("D", Status.OVERPAID).paid("1100.00").check("CHK-9").build());
        third.finish();
        third.close();
        WorkItem reopened = store.find(new ItemKey("P1", "D", "1")).orElseThrow();
        assertThat(reopened.isOpen()).isTrue();
        assertThat(reopened.team().notes()).isEqualTo("refund check 5521");
        assertThat(reopened.team().workStatus()).isEqualTo(WorkStatus.PAYER_RESPONDED);
        assertThat(store.extraColumns()).containsExactly("My Priority", "Call Log", "Escalated To");
        assertThat(store.lastTeamWorkbookDate()).contains(NIGHT_2);
    }

    @Test
    void figuresFromTheStoredItems() {
        BacklogStore store = new BacklogStore(newDatabase());
        apply(store, NIGHT_1, night1());
        apply(store, NIGHT_2, night2());
        BacklogFigures.Builder figures = BacklogFigures.builder(NIGHT_2);
        store.forEachOpen(figures::add);
        store.forEachResolvedSince(NIGHT_2.minusDays(29), figures::add);
        BacklogFigures f = figures.build();
        assertThat(f.open().count()).isEqualTo(4);
        assertThat(f.newTonight().count()).isEqualTo(1);
        assertThat(f.resolvedTonight()).isEqualTo(new BacklogFigures.Recovery(2, new java.math.BigDecimal("1660.00")));
        assertThat(f.open().amount(MoneyKind.REFUND_OWED)).isEqualByComparingTo("100.00");
        assertThat(f.open().amount(MoneyKind.RECOVERABLE)).isEqualByComparingTo("303.00");
    }
}
