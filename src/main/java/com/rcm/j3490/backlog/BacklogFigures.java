package com.rcm.j3490.backlog;

import com.rcm.j3490.rules.Money;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The backlog's figures, computed from the items the workbook shows (open items on the
 * worklists, resolved items on Resolved), so that they always equal the sheets' own totals: the
 * Summary and the {@code backlog} command both print these. Money of different kinds is never
 * added together: every amount is per {@link MoneyKind}.
 *
 * <p>Fed one item at a time ({@link Builder#add}) while the sheets are written, so a backlog of
 * any size needs no list in memory.
 */
public record BacklogFigures(
        LocalDate runDate,
        Tally open,
        Map<Status, Tally> byWorklist,
        Map<AgeBucket, Tally> byAge,
        Tally newTonight,
        Map<String, Tally> byTeam,
        Map<String, Tally> byOwner,
        Map<String, Tally> denialsByReason,
        Recovery resolvedTonight,
        Recovery resolvedInWindow,
        Map<Resolution, Recovery> resolvedInWindowBy) {

    /** Owner of items nobody took yet; team of items without one. */
    public static final String UNASSIGNED = "Unassigned";
    public static final String NO_TEAM = "(none)";

    /** A count of items and their amounts at stake, one total per kind of money. */
    public record Tally(long count, Map<MoneyKind, BigDecimal> amounts) {
        public Tally {
            amounts = Collections.unmodifiableMap(new EnumMap<>(amounts.isEmpty() ? new EnumMap<>(MoneyKind.class)
                    : amounts));
        }

        /** The total of one kind (0.00 when none). */
        public BigDecimal amount(MoneyKind kind) {
            return amounts.getOrDefault(kind, Money.ZERO);
        }
    }

    /** Resolved items and the money recovered by the payers' payments. */
    public record Recovery(long count, BigDecimal recovered) {
    }

    public static Builder builder(LocalDate runDate) {
        return new Builder(runDate);
    }

    /** Accumulates the items shown; not thread-safe. */
    public static final class Builder {
        private final LocalDate runDate;
        private final Counter open = new Counter();
        private final Map<Status, Counter> byWorklist = new EnumMap<>(Status.class);
        private final Map<AgeBucket, Counter> byAge = new EnumMap<>(AgeBucket.class);
        private final Counter newTonight = new Counter();
        private final Map<String, Counter> byTeam = new TreeMap<>();
        private final Map<String, Counter> byOwner = new TreeMap<>();
        private final Map<String, Counter> denials = new TreeMap<>();
        private final RecoveryCounter resolvedTonight = new RecoveryCounter();
        private final RecoveryCounter resolvedInWindow = new RecoveryCounter();
        private final Map<Resolution, RecoveryCounter> byResolution = new EnumMap<>(Resolution.class);

        private Builder(LocalDate runDate) {
            this.runDate = runDate;
        }

        /** One item as shown: an open item on its worklist, or a resolved item on Resolved. */
        public Builder add(WorkItem item) {
            if (!item.isOpen()) {
                resolvedInWindow.add(item);
                byResolution.computeIfAbsent(item.resolution(), r -> new RecoveryCounter()).add(item);
                if (item.resolvedOn().equals(runDate)) {
                    resolvedTonight.add(item);
                }
                return this;
            }
            open.add(item);
            byWorklist.computeIfAbsent(item.status(), s -> new Counter()).add(item);
            byAge.computeIfAbsent(AgeBucket.of(item.daysOpen(runDate)), a -> new Counter()).add(item);
            if (item.newTonight(runDate)) {
                newTonight.add(item);
            }
            String team = item.line().team();
            byTeam.computeIfAbsent(team == null || team.isBlank() ? NO_TEAM : team, t -> new Counter()).add(item);
            String owner = item.team().owner();
            byOwner.computeIfAbsent(owner == null || owner.isBlank() ? UNASSIGNED : owner.strip(), o -> new Counter())
                    .add(item);
            DenialReason.of(item.line()).ifPresent(r -> denials.computeIfAbsent(r, x -> new Counter()).add(item));
            return this;
        }

        public BacklogFigures build() {
            Map<Status, Tally> worklists = new EnumMap<>(Status.class);
            byWorklist.forEach((s, c) -> worklists.put(s, c.tally()));
            Map<AgeBucket, Tally> ages = new EnumMap<>(AgeBucket.class);
            for (AgeBucket bucket : AgeBucket.values()) {
                ages.put(bucket, byAge.getOrDefault(bucket, new Counter()).tally());
            }
            Map<Resolution, Recovery> resolutions = new EnumMap<>(Resolution.class);
            byResolution.forEach((r, c) -> resolutions.put(r, c.recovery()));
            return new BacklogFigures(runDate, open.tally(), Collections.unmodifiableMap(worklists),
                    Collections.unmodifiableMap(ages), newTonight.tally(), tallies(byTeam), tallies(byOwner),
                    byCountDescending(denials), resolvedTonight.recovery(), resolvedInWindow.recovery(),
                    Collections.unmodifiableMap(resolutions));
        }

        private static Map<String, Tally> tallies(Map<String, Counter> counters) {
            Map<String, Tally> out = new LinkedHashMap<>();
            counters.forEach((k, c) -> out.put(k, c.tally()));
            return Collections.unmodifiableMap(out);
        }

        /** The denial chart's order: most lines first, then by reason. */
        private static Map<String, Tally> byCountDescending(Map<String, Counter> counters) {
            List<Map.Entry<String, Counter>> entries = counters.entrySet().stream()
                    .sorted(Comparator.<Map.Entry<String, Counter>>comparingLong(e -> -e.getValue().count)
                            .thenComparing(Map.Entry::getKey))
                    .toList();
            Map<String, Tally> out = new LinkedHashMap<>();
            entries.forEach(e -> out.put(e.getKey(), e.getValue().tally()));
            return Collections.unmodifiableMap(out);
        }
    }

    private static final class Counter {
        long count;
        final Map<MoneyKind, BigDecimal> amounts = new EnumMap<>(MoneyKind.class);

        void add(WorkItem item) {
            count++;
            item.moneyKind().ifPresent(kind -> amounts.merge(kind, item.amountAtStake(), BigDecimal::add));
        }

        Tally tally() {
            Map<MoneyKind, BigDecimal> cents = new EnumMap<>(MoneyKind.class);
            amounts.forEach((k, v) -> cents.put(k, Money.cents(v)));
            return new Tally(count, cents);
        }
    }

    private static final class RecoveryCounter {
        long count;
        BigDecimal recovered = BigDecimal.ZERO;

        void add(WorkItem item) {
            count++;
            if (item.recovered() != null) {
                recovered = recovered.add(item.recovered());
            }
        }

        Recovery recovery() {
            return new Recovery(count, Money.cents(recovered));
        }
    }
}
