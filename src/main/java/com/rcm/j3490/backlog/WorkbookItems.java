package com.rcm.j3490.backlog;

import java.time.LocalDate;

/**
 * Which work items a workbook of a run date shows, the one rule for the worklists, the Resolved
 * sheet and every figure printed about them (the Summary, the {@code backlog} command, the
 * console's backlog page), so that they always agree.
 *
 * <ul>
 * <li>a worklist shows the open items first seen on or before the run date (a rerun of an earlier
 *     date, or a backlog read while a later night is being applied, does not count later items);</li>
 * <li>Resolved shows the items resolved in the {@code resolvedDays} days that end on the run
 *     date, the run date included (recon.workbook.resolved-days).</li>
 * </ul>
 */
public final class WorkbookItems {
    private WorkbookItems() {
    }

    /** An open item that a worklist of {@code runDate} shows. */
    public static boolean onWorklist(WorkItem item, LocalDate runDate) {
        return onWorklist(item.isOpen(), item.firstSeen(), runDate);
    }

    /** The same for an item as stored. */
    public static boolean onWorklist(StoredItem item, LocalDate runDate) {
        return onWorklist(item.isOpen(), item.firstSeen(), runDate);
    }

    private static boolean onWorklist(boolean open, LocalDate firstSeen, LocalDate runDate) {
        return open && !firstSeen.isAfter(runDate);
    }

    /** The first date of the Resolved window that ends on {@code runDate}. */
    public static LocalDate resolvedFrom(LocalDate runDate, int resolvedDays) {
        return runDate.minusDays(resolvedDays - 1L);
    }

    /** A resolved item that the Resolved sheet of {@code runDate} shows. */
    public static boolean onResolved(WorkItem item, LocalDate runDate, int resolvedDays) {
        return !item.isOpen() && !item.resolvedOn().isBefore(resolvedFrom(runDate, resolvedDays))
                && !item.resolvedOn().isAfter(runDate);
    }

    /**
     * The figures of exactly the items a workbook of {@code runDate} shows, streamed from the
     * store (the backlog is never held in memory). On PostgreSQL call it inside a read-only
     * transaction, so that rows stream.
     */
    public static BacklogFigures figures(BacklogStore store, LocalDate runDate, int resolvedDays) {
        BacklogFigures.Builder figures = BacklogFigures.builder(runDate);
        store.forEachOpen(item -> {
            if (onWorklist(item, runDate)) {
                figures.add(item);
            }
        });
        store.forEachResolvedSince(resolvedFrom(runDate, resolvedDays), item -> {
            if (onResolved(item, runDate, resolvedDays)) {
                figures.add(item);
            }
        });
        return figures.build();
    }
}
