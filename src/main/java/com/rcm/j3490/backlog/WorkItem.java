package com.rcm.j3490.backlog;

import com.rcm.j3490.rules.ReconciledLine;
import com.rcm.j3490.rules.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * A claim line that was actionable on some night, kept until it is resolved (contract 6.1).
 *
 * @param key              payer + claim + line, as written
 * @param firstSeen        run date of the night that opened it
 * @param openingStatus    the status of the line that opened it (shown on Resolved)
 * @param openingBaseline  what Recovered is measured from: the opening line's reimbursed, or for an
 *                         item opened by a reversal the reversed amount without its sign
 * @param line             the payer's latest word on the claim line: figures, status, codes, action
 * @param team             the team's columns (kept across nights, whatever the payer sends)
 * @param lastPayerAction  what the payer last changed, e.g. {@code CO-16 → paid 1,210.00}; null until then
 * @param lastPayerActionOn run date of that change
 * @param resolvedOn       run date it was resolved; null while open
 * @param resolution       how it was resolved; null while open
 * @param recovered        money recovered when the payer paid it (never below 0); null for team resolutions
 */
public record WorkItem(
        ItemKey key,
        LocalDate firstSeen,
        Status openingStatus,
        BigDecimal openingBaseline,
        ReconciledLine line,
        TeamColumns team,
        String lastPayerAction,
        LocalDate lastPayerActionOn,
        LocalDate resolvedOn,
        Resolution resolution,
        BigDecimal recovered) {

    public WorkItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(openingStatus, "openingStatus");
        Objects.requireNonNull(line, "line");
        team = team == null ? TeamColumns.NEW : team;
        if ((resolvedOn == null) != (resolution == null)) {
            throw new IllegalArgumentException("resolvedOn and resolution go together");
        }
    }

    public boolean isOpen() {
        return resolution == null;
    }

    /** The payer's latest status for the claim line; for an open item, the worklist it is on. */
    public Status status() {
        return line.status();
    }

    public BigDecimal amountAtStake() {
        return line.amountAtStake();
    }

    public Optional<MoneyKind> moneyKind() {
        return MoneyKind.of(line.status());
    }

    /** Days Open: run date − First Seen. */
    public long daysOpen(LocalDate runDate) {
        return ChronoUnit.DAYS.between(firstSeen, runDate);
    }

    /** Days To Deadline: appeal deadline − run date (negative when past); null when there is no appeal deadline. */
    public Long daysToDeadline(LocalDate runDate) {
        LocalDate deadline = line.appealDeadline();
        return deadline == null ? null : ChronoUnit.DAYS.between(runDate, deadline);
    }

    /** New Tonight: opened by this run date's remittances. */
    public boolean newTonight(LocalDate runDate) {
        return firstSeen.equals(runDate);
    }

    public WorkItem withTeam(TeamColumns columns) {
        return new WorkItem(key, firstSeen, openingStatus, openingBaseline, line, columns, lastPayerAction,
                lastPayerActionOn, resolvedOn, resolution, recovered);
    }
}
