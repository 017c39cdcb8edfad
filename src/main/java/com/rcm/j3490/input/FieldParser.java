package com.rcm.j3490.input;

import com.rcm.j3490.rules.Adjustment;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one parser for dates, amounts, percents, quantities and lists in every input file. Each
 * method takes the column name so a rejection says which field was wrong. A reason never
 * repeats the value: reasons reach stderr and the job repository, and a value in the wrong
 * column may be a patient's name (the raw row is shown only on the Rejected Rows sheet).
 */
public final class FieldParser {
    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern X12_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern AMOUNT = Pattern.compile("(-)?\\$?((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)");
    private static final Pattern PAREN_AMOUNT = Pattern.compile("\\(\\$?((?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?)\\)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?|-?\\.\\d+");
    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%?");
    private static final Pattern ADJUSTMENT = Pattern.compile("([A-Za-z]{2})-([A-Za-z0-9]{1,5}):([^:]+)(?::([^:]+))?");
    private static final Set<String> GROUPS = Set.of("CO", "PR", "OA", "PI", "CR");
    private static final Pattern LIST_SEPARATOR = Pattern.compile("[;|]");
    private static final Pattern MODIFIER_SEPARATOR = Pattern.compile("[:;]");

    /** Dates outside this range are typing or export errors (and show as ##### in Excel). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);
    /** Most days a day count (appeal_days, timely filing) may hold: ten years. */
    public static final int MAX_DAY_COUNT = 3650;
    private static final Pattern DAY_COUNT = Pattern.compile("\\d{1,4}");

    /** Amounts must be smaller in magnitude: nothing real on a drug line comes near a billion dollars. */
    public static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000");
    /** Largest quantity (units, NDC quantity, packages bought, adjustment quantity). */
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000");
    /** Smallest package size and billing units per package (smaller ones blow expected amounts up). */
    public static final BigDecimal MIN_PACKAGE_QUANTITY = new BigDecimal("0.0001");
    public static final BigDecimal MAX_PERCENT = new BigDecimal("1000");

    private FieldParser() {
    }

    /** ISO, US M/D/YYYY or X12 CCYYMMDD, from 1900-01-01 to 2199-12-31; null for a blank value. */
    public static LocalDate date(String column, String text) {
        if (text == null) {
            return null;
        }
        Matcher m;
        LocalDate date = null;
        try {
            if ((m = ISO_DATE.matcher(text)).matches() || (m = X12_DATE.matcher(text)).matches()) {
                date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } else if ((m = US_DATE.matcher(text)).matches()) {
                date = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException e) {
            throw new RowRejectedException(column + " is not a real date (no such day)");
        }
        if (date == null) {
            throw new RowRejectedException(column + " is not a date (use YYYY-MM-DD, M/D/YYYY or YYYYMMDD)");
        }
        if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
            throw new RowRejectedException(column + " is outside " + EARLIEST_DATE + ".." + LATEST_DATE);
        }
        return date;
    }

    public static LocalDate requiredDate(String column, String text) {
        return date(column, require(column, text));
    }

    /** 1234.56, $1,234.56, -12.00 or (12.00); null for a blank value (absent, not zero). */
    public static BigDecimal amount(String column, String text) {
        if (text == null) {
            return null;
        }
        return withinAmountLimit(column, parseAmount(column, text));
    }

    private static BigDecimal parseAmount(String column, String text) {
        if (isPlainNumber(text)) {
            return new BigDecimal(text);
        }
        Matcher m = AMOUNT.matcher(text);
        if (m.matches()) {
            BigDecimal value = new BigDecimal(m.group(2).replace(",", ""));
            return m.group(1) != null ? value.negate() : value;
        }
        m = PAREN_AMOUNT.matcher(text);
        if (m.matches()) {
            return new BigDecimal(m.group(1).replace(",", "")).negate();
        }
        throw new RowRejectedException(column + " is not an amount (like 1234.56, $1,234.56, -12.00 or (12.00))");
    }

    private static BigDecimal withinAmountLimit(String column, BigDecimal value) {
        if (value.abs().compareTo(AMOUNT_LIMIT) >= 0) {
            throw new RowRejectedException(column + " is too large (its magnitude must be below 1,000,000,000)");
        }
        return value;
    }

    public static BigDecimal requiredAmount(String column, String text) {
        return amount(column, require(column, text));
    }

    /** An amount that must not be negative (prices, costs, tolerances); null for a blank value. */
    public static BigDecimal nonNegativeAmount(String column, String text) {
        BigDecimal value = amount(column, text);
        if (value != null && value.signum() < 0) {
            throw new RowRejectedException(column + " must not be negative");
        }
        return value;
    }

    /** 110, 110.5 or 110%; null for a blank value. */
    public static BigDecimal percent(String column, String text) {
        if (text == null) {
            return null;
        }
        Matcher m = PERCENT.matcher(text);
        if (!m.matches()) {
            throw new RowRejectedException(column + " is not a percent (like 110, 110.5 or 110%)");
        }
        BigDecimal percent = new BigDecimal(m.group(1));
        if (percent.compareTo(MAX_PERCENT) > 0) {
            throw new RowRejectedException(column + " is too large (at most " + MAX_PERCENT + "%)");
        }
        return percent;
    }

    /** Reference-file quantity: positive; null (use the default) when blank. */
    public static BigDecimal positiveQuantity(String column, String text) {
        if (text == null) {
            return null;
        }
        BigDecimal value = number(column, text);
        if (value.signum() <= 0) {
            throw new RowRejectedException(column + " must be positive");
        }
        if (value.compareTo(MIN_PACKAGE_QUANTITY) < 0 || value.compareTo(MAX_QUANTITY) > 0) {
            throw new RowRejectedException(column + " must be from 0.0001 to 1,000,000");
        }
        return value;
    }

    /** Remittance quantity: absolute value (reversals carry negative ones); zero or blank = absent. */
    public static BigDecimal absoluteQuantity(String column, String text) {
        if (text == null) {
            return null;
        }
        BigDecimal value = number(column, text).abs();
        return value.signum() == 0 ? null : value;
    }


    /** A count of days (appeal_days, timely filing): a whole number from 0 to {@value #MAX_DAY_COUNT}; null when blank. */
    public static Integer dayCount(String column, String text) {
        if (text == null) {
            return null;
        }
        int days = DAY_COUNT.matcher(text).matches() ? Integer.parseInt(text) : -1;
        if (days < 0 || days > MAX_DAY_COUNT) {
            throw new RowRejectedException(column + " must be a whole number from 0 to " + MAX_DAY_COUNT);
        }
        return days;
    }

    /** Items separated by ";" or "|", trimmed, blanks dropped. */
    public static List<String> list(String text) {
        return split(text, LIST_SEPARATOR);
    }

    /** Modifiers separated by ":" or ";", upper-cased. */
    public static List<String> modifiers(String text) {
        return split(text == null ? null : text.toUpperCase(Locale.ROOT), MODIFIER_SEPARATOR);
    }

    /** GROUP-REASON:AMOUNT[:QUANTITY] items; anything else rejects the row. */
    public static List<Adjustment> adjustments(String column, String text) {
        List<String> items = list(text);
        List<Adjustment> adjustments = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            Matcher m = ADJUSTMENT.matcher(item);
            String group = m.matches() ? m.group(1).toUpperCase(Locale.ROOT) : null;
            if (group == null || !GROUPS.contains(group)) {
                throw new RowRejectedException(column + " item " + (i + 1)
                        + " is not GROUP-REASON:AMOUNT[:QUANTITY] with group CO, PR, OA, PI or CR");
            }
            BigDecimal amount = amount(column, m.group(3).trim());
            BigDecimal quantity = m.group(4) == null ? null : number(column, m.group(4).trim());
            adjustments.add(new Adjustment(group, m.group(2).toUpperCase(Locale.ROOT), amount, quantity));
        }
        return adjustments;
    }

    public static String require(String column, String text) {
        if (text == null) {
            throw new RowRejectedException("missing required value " + column);
        }
        return text;
    }

    /** A plain decimal number; null for a blank value. */
    public static BigDecimal number(String column, String text) {
        if (text == null) {
            return null;
        }
        if (!NUMBER.matcher(text).matches()) {
            throw new RowRejectedException(column + " is not a number (like 12 or 0.5)");
        }
        BigDecimal value = new BigDecimal(text);
        if (value.abs().compareTo(MAX_QUANTITY) > 0) {
            throw new RowRejectedException(column + " is too large (at most 1,000,000)");
        }
        return value;
    }

    private static List<String> split(String text, Pattern separator) {
        if (text == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>(4);
        for (String part : separator.split(text)) {
            String item = part.trim();
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return items;
    }

    /** Fast path for the common form: optional minus, digits, optional fraction. */
    private static boolean isPlainNumber(String s) {
        if (s.isEmpty()) {
            return false;
        }
        int i = s.charAt(0) == '-' ? 1 : 0;
        int digitsBefore = 0;
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
            i++;
            digitsBefore++;
        }
        if (digitsBefore == 0) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i++) != '.' || i == s.length()) {
            return false;
        }
        while (i < s.length() && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        return i == s.length();
    }

    /** Only 0-9: Character.isDigit (and BigDecimal) would take other scripts' digits too. */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
