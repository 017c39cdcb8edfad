package com.rcm.j3490.backlog;

/** Ageing of open items by Days Open (contract 6.2). */
public enum AgeBucket {
    DAYS_0_30("0-30"),
    DAYS_31_60("31-60"),
    DAYS_61_90("61-90"),
    OVER_90("over 90");

    private final String label;

    AgeBucket(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static AgeBucket of(long daysOpen) {
        if (daysOpen <= 30) {
            return DAYS_0_30;
        }
        if (daysOpen <= 60) {
            return DAYS_31_60;
        }
        return daysOpen <= 90 ? DAYS_61_90 : OVER_90;
    }
}
