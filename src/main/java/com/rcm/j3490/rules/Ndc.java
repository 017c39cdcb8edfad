package com.rcm.j3490.rules;

import java.util.Objects;

/** A National Drug Code normalised to 11 digits; shown in the 5-4-2 form. */
public record Ndc(String digits) implements Comparable<Ndc> {
    public Ndc {
        Objects.requireNonNull(digits);
        if (digits.length() != 11 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("an NDC has 11 digits");
        }
    }

    public String formatted() {
        return digits.substring(0, 5) + "-" + digits.substring(5, 9) + "-" + digits.substring(9);
    }

    @Override
    public int compareTo(Ndc other) {
        return digits.compareTo(other.digits);
    }

    @Override
    public String toString() {
        return formatted();
    }
}
