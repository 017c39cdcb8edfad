package com.rcm.j3490.backlog;

import java.util.Locale;
import java.util.Optional;

/** The team's `Work Status` choices (contract 6.3), in the order the drop-down lists them. */
public enum WorkStatus {
    NEW("New"),
    IN_PROGRESS("In progress"),
    RESUBMITTED("Resubmitted"),
    APPEALED("Appealed"),
    PENDING_PAYER("Pending payer"),
    PAYER_RESPONDED("Payer responded"),
    ESCALATED("Escalated"),
    REFUND_SENT("Refund sent"),
    WRITTEN_OFF("Written off"),
    CLOSED("Closed");

    private final String label;

    WorkStatus(String label) {
        this.label = label;
    }

    /** The text shown in the workbook and offered by its validation list. */
    public String label() {
        return label;
    }

    /** Closed, Written off and Refund sent take an item off the worklists (the team resolved it). */
    public boolean resolvesItem() {
        return this == CLOSED || this == WRITTEN_OFF || this == REFUND_SENT;
    }

    /** A label as typed in a workbook: case and surrounding blanks do not matter; empty when it is no choice. */
    public static Optional<WorkStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (WorkStatus s : values()) {
            if (s.label.toLowerCase(Locale.ROOT).equals(t)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
