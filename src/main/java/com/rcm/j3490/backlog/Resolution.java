package com.rcm.j3490.backlog;

/** How an item left the worklists: paid by the payer, or resolved by the team (contract 6.1). */
public enum Resolution {
    PAID_BY_PAYER("Paid by payer"),
    CLOSED("Closed"),
    WRITTEN_OFF("Written off"),
    REFUND_SENT("Refund sent");

    private final String label;

    Resolution(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean byTeam() {
        return this != PAID_BY_PAYER;
    }

    /** The resolution a resolving Work Status stands for. */
    static Resolution of(WorkStatus status) {
        return switch (status) {
            case CLOSED -> CLOSED;
            case WRITTEN_OFF -> WRITTEN_OFF;
            case REFUND_SENT -> REFUND_SENT;
            default -> throw new IllegalArgumentException(status + " does not resolve an item");
        };
    }
}
