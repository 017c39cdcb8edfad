package com.rcm.j3490.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Reads NDCs in the forms billers and suppliers write them (contract 2.1). */
public final class NdcNormalizer {
    private static final Pattern ELEVEN = Pattern.compile("\\d{11}");
    private static final Pattern TEN = Pattern.compile("\\d{10}");
    private static final Pattern HYPHENATED = Pattern.compile("(\\d{4,5})-(\\d{3,4})-(\\d{1,2})");

    private NdcNormalizer() {
    }

    public static NdcReading read(String raw) {
        if (raw == null || raw.isBlank()) {
            return new NdcReading.Missing();
        }
        String s = raw.replace(" ", "").trim();
        if (s.toUpperCase(Locale.ROOT).startsWith("N4")) {
            s = s.substring(2);
        }
        if (s.isEmpty()) {
            return new NdcReading.Missing();
        }
        if (ELEVEN.matcher(s).matches()) {
            return new NdcReading.Valid(new Ndc(s));
        }
        if (TEN.matcher(s).matches()) {
            List<Ndc> readings = new ArrayList<>(3);
            addDistinct(readings, "0" + s);
            addDistinct(readings, s.substring(0, 5) + "0" + s.substring(5));
            addDistinct(readings, s.substring(0, 9) + "0" + s.substring(9));
            return new NdcReading.Ambiguous(List.copyOf(readings));
        }
        var m = HYPHENATED.matcher(s);
        if (m.matches()) {
            String a = m.group(1);
            String b = m.group(2);
            String c = m.group(3);
            int shortSegments = (a.length() == 4 ? 1 : 0) + (b.length() == 3 ? 1 : 0) + (c.length() == 1 ? 1 : 0);
            if (shortSegments <= 1) {
                return new NdcReading.Valid(new Ndc(pad(a, 5) + pad(b, 4) + pad(c, 2)));
            }
        }
        return new NdcReading.Invalid(raw);
    }

    /** For invoices and the pricing reference: only unambiguous forms; null when not one. */
    public static Ndc parseUnambiguous(String raw) {
        return read(raw) instanceof NdcReading.Valid v ? v.ndc() : null;
    }

    /**
     * Resolves a reading against the NDCs known from invoices and pricing: an ambiguous
     * code resolves only when exactly one of its readings is known.
     */
    public static Ndc resolve(NdcReading reading, Predicate<Ndc> known) {
        if (reading instanceof NdcReading.Valid v) {
            return v.ndc();
        }
        if (reading instanceof NdcReading.Ambiguous a) {
            List<Ndc> hits = a.candidates().stream().filter(known).toList();
            return hits.size() == 1 ? hits.get(0) : null;
        }
        return null;
    }

    private static void addDistinct(List<Ndc> list, String digits) {
        Ndc ndc = new Ndc(digits);
        if (!list.contains(ndc)) {
            list.add(ndc);
        }
    }

    private static String pad(String segment, int width) {
        return "0".repeat(width - segment.length()) + segment;
    }
}
