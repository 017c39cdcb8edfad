package com.rcm.j3490.backlog;

import com.rcm.j3490.rules.Money;
import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * The life of a work item (contract 6.1), one event at a time: a night's team columns (read back
 * from the workbook, typed before tonight's remittances came) and then tonight's lines in input
 * order. Plain functions of (item before, event, run date) → item after; the store persists them.
 *
 * <ul>
 * <li>An actionable line without an item opens one (First Seen = run date, Work Status New).
 * <li>A line for an open item is the payer's latest word: the item takes its figures, status,
 *     codes and action; the team's columns stay; when anything the payer sent changed, Work
 *     Status becomes Payer responded and Last Payer Action says what changed.
 * <li>A PAID_OK line resolves an open item: Paid by payer, Recovered = reimbursed − the opening
 *     baseline, never below 0.
 * <li>Closed / Written off / Refund sent typed by the team resolve an open item; a later payer
 *     line reopens it (Payer responded), and a PAID_OK line turns it into Paid by payer.
 * <li>Any actionable line, a reversal above all, reopens an item the payer had resolved; a
 *     PAID_OK line for it changes nothing (the recovery was counted when it was resolved).
 * </ul>
 * A reopened item keeps its First Seen, opening baseline and team columns: it is the same claim
 * line, and its history stays with it. Its earlier resolution is cleared, so its recovered money
 * is never counted twice.
 */
public final class ItemLifecycle {
    public static final String ARROW = " \u2192 ";

    private ItemLifecycle() {
    }

    /** The item after one event, and what the event did. {@code item} is null when there is no item. */
    public record Step(WorkItem item, ItemChange change) {
    }

    /** One payer line, for the item of its claim line ({@code current} null when it has none). */
    public static Step applyLine(WorkItem current, ReconciledLine line, LocalDate runDate) {
        boolean paid = line.status() == Status.PAID_OK;
        if (current == null) {
            return paid ? new Step(null, ItemChange.NO_ITEM) : new Step(open(line, runDate), ItemChange.OPENED);
        }
        if (current.isOpen()) {
            return paid ? resolveByPayer(current, line, runDate) : update(current, line, runDate);
        }
        if (current.resolution() == Resolution.PAID_BY_PAYER && paid) {
            return new Step(current, ItemChange.UNCHANGED);
        }
        if (paid) {
            // resolved by the team (e.g. written off), then paid after all: a recovery
            return resolveByPayer(current, line, runDate);
        }
        return reopen(current, line, runDate);
    }

    /** The team's columns as read back from the newest earlier workbook. */
    public static Step applyTeam(WorkItem current, TeamColumns columns, LocalDate runDate) {
        if (current == null) {
            return new Step(null, ItemChange.NO_ITEM);
        }
        if (columns.equals(current.team())) {
            return new Step(current, ItemChange.UNCHANGED);
        }
        WorkStatus status = columns.workStatus();
        boolean resolving = status != null && status.resolvesItem();
        if (current.isOpen() && resolving) {
            return new Step(new WorkItem(current.key(), current.firstSeen(), current.openingStatus(),
                    current.openingBaseline(), current.line(), columns, current.lastPayerAction(),
                    current.lastPayerActionOn(), runDate, Resolution.of(status), null), ItemChange.RESOLVED_BY_TEAM);
        }
        if (!current.isOpen() && current.resolution().byTeam()) {
            if (!resolving) {
                // the team took its resolution back
                return new Step(new WorkItem(current.key(), current.firstSeen(), current.openingStatus(),
                        current.openingBaseline(), current.line(), columns, current.lastPayerAction(),
                        current.lastPayerActionOn(), null, null, null), ItemChange.REOPENED);
            }
            return new Step(new WorkItem(current.key(), current.firstSeen(), current.openingStatus(),
                    current.openingBaseline(), current.line(), columns, current.lastPayerAction(),
                    current.lastPayerActionOn(), current.resolvedOn(), Resolution.of(status), null),
                    ItemChange.TEAM_EDITED);
        }
        return new Step(current.withTeam(columns), ItemChange.TEAM_EDITED);
    }

    static WorkItem open(ReconciledLine line, LocalDate runDate) {
        return new WorkItem(ItemKey.of(line), runDate, line.status(), baseline(line), line, TeamColumns.NEW, null, null,
                null, null, null);
    }

    /**
     * What Recovered is measured from: the opening line's reimbursed; for an item opened by a
     * reversal, the reversed amount without its sign (its amount at stake, |paid|), so a reversal
     * re-paid in full recovers only what the new payment adds.
     */
    static BigDecimal baseline(ReconciledLine opening) {
        return opening.status() == Status.REVERSED ? opening.paid().abs() : opening.reimbursed();
    }

    private static Step update(WorkItem current, ReconciledLine line, LocalDate runDate) {
        boolean responded = payerChanged(current.line(), line);
        return new Step(new WorkItem(current.key(), current.firstSeen(), current.openingStatus(),
                current.openingBaseline(), line,
                responded ? current.team().withWorkStatus(WorkStatus.PAYER_RESPONDED) : current.team(),
                responded ? describe(current.line(), line) : current.lastPayerAction(),
                responded ? runDate : current.lastPayerActionOn(), null, null, null), ItemChange.UPDATED);
    }

    private static Step resolveByPayer(WorkItem current, ReconciledLine line, LocalDate runDate) {
        BigDecimal recovered = Money.cents(line.reimbursed().subtract(current.openingBaseline()).max(BigDecimal.ZERO));
        return new Step(new WorkItem(current.key(), current.firstSeen(), current.openingStatus(),
                current.openingBaseline(), line, current.team().withWorkStatus(WorkStatus.PAYER_RESPONDED),
                describe(current.line(), line), runDate, runDate, Resolution.PAID_BY_PAYER, recovered),
                ItemChange.RESOLVED_BY_PAYER);
    }

    private static Step reopen(WorkItem current, ReconciledLine line, LocalDate runDate) {
        return new Step(new WorkItem(current.key(), current.firstSeen(), current.openingStatus(),
                current.openingBaseline(), line, current.team().withWorkStatus(WorkStatus.PAYER_RESPONDED),
                describe(current.line(), line), runDate, null, null, null), ItemChange.REOPENED);
    }

    /**
     * Did the payer send anything new about the claim line? Only what the payer sends counts
     * (not a status that changed because the reference files did).
     */
    static boolean payerChanged(ReconciledLine before, ReconciledLine after) {
        return !Objects.equals(before.claimStatus(), after.claimStatus())
                || !Objects.equals(before.checkNumber(), after.checkNumber())
                || !Objects.equals(before.paymentDate(), after.paymentDate())
                || !Objects.equals(before.payerClaimNumber(), after.payerClaimNumber())
                || !sameAmount(before.paid(), after.paid())
                || !sameAmount(before.allowed(), after.allowed())
                || !sameAmount(before.unitsPaid(), after.unitsPaid())
                || !Objects.equals(blankIfNull(before.adjustments()), blankIfNull(after.adjustments()))
                || !before.remarkCodes().equals(after.remarkCodes());
    }

    /**
     * Last Payer Action: {@code CO-16 → paid 1,210.00}, {@code UNDERPAID → DENIED_CO50},
     * {@code UNDERPAID paid 900.00 → 950.00}, ... A denial is named by the reason that decided it.
     */
    static String describe(ReconciledLine before, ReconciledLine after) {
        String from = DenialReason.of(before).orElse(before.status().name());
        if (after.status() == Status.PAID_OK) {
            return from + ARROW + "paid " + money(after.paid());
        }
        if (before.status() != after.status()) {
            return from + ARROW + after.status().name();
        }
        if (!sameAmount(before.paid(), after.paid())) {
            return from + " paid " + money(before.paid()) + ARROW + money(after.paid());
        }
        if (!Objects.equals(blankIfNull(before.adjustments()), blankIfNull(after.adjustments()))) {
            return from + " adjustments " + orNone(before.adjustments()) + ARROW + orNone(after.adjustments());
        }
        if (!before.remarkCodes().equals(after.remarkCodes())) {
            return from + " remarks " + orNone(String.join(";", before.remarkCodes())) + ARROW
                    + orNone(String.join(";", after.remarkCodes()));
        }
        return from + " sent again" + (after.checkNumber() == null ? "" : " (check " + after.checkNumber() + ")");
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s;
    }

    private static String orNone(String s) {
        return s == null || s.isEmpty() ? "none" : s;
    }

    static String money(BigDecimal amount) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
        return format.format(Money.cents(amount));
    }
}
