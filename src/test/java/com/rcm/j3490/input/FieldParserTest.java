package com.rcm.j3490.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.rules.Adjustment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract 1: field formats for every input file. */
class FieldParserTest {

    // dates

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-11-23", "11/23/2026", "20261123"})
    void acceptedDateForms(String text) {
        assertThat(FieldParser.date("service_date", text)).isEqualTo(LocalDate.of(2026, 11, 23));
    }

    @Test
    void usDateWithoutZeroPadding() {
        assertThat(FieldParser.date("service_date", "1/5/2026")).isEqualTo(LocalDate.of(2026, 1, 5));
        assertThat(FieldParser.date("service_date", "01/05/2026")).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-02-30", "2/30/2026", "20260230", "2026-13-01", "13/1/2026", "2025-02-29"})
    void impossibleDatesAreRejected(String text) {
        assertThatThrownBy(() -> FieldParser.date("service_date", text))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("service_date");
    }

    @Test
    void leapDayIsAccepted() {
        assertThat(FieldParser.date("d", "2028-02-29")).isEqualTo(LocalDate.of(2028, 2, 29));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-1-5", "2026/11/23", "23.11.2026", "11-23-2026", "Nov 23 2026", "261123",
            "11/23/26", "2026-11-23T00:00", "tomorrow", "2026-11-23x"})
    void otherDateFormsAreRejected(String text) {
        assertThatThrownBy(() -> FieldParser.date("service_date", text)).isInstanceOf(RowRejectedException.class);
    }

    @Test
    void blankOptionalDateIsNullButRequiredDateRejects() {
        assertThat(FieldParser.date("payment_date", null)).isNull();
        assertThatThrownBy(() -> FieldParser.requiredDate("service_date", null))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("service_date");
    }

    // amounts

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "1234.56|1234.56",
            "$1,234.56|1234.56",
            "1,234.56|1234.56",
            "$1234.56|1234.56",
            "1,234,567.89|1234567.89",
            "-12.00|-12.00",
            "-$12.00|-12.00",
            "(12.00)|-12.00",
            "($1,234.56)|-1234.56",
            "0|0",
            "12|12",
            "0.005|0.005"})
    void acceptedAmountForms(String text, String expected) {
        assertThat(FieldParser.amount("paid_amount", text)).isEqualByComparingTo(expected);
    }

    @Test
    void amountsKeepFullPrecision() {
        assertThat(FieldParser.amount("a", "12.345")).isEqualTo(new BigDecimal("12.345"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1,23.00", "12,34.00", "1234,567.00", "1,2345.00", ",123.00", "1,234,56.00",
            "(-12.00)", "(+12.00)", "-(12.00)", "(12.00", "12.00)", "12.00-", "12a.00", "12.00 USD", "USD12",
            "abc", "1.2.3", "12.", ".", "-", "$", "1 234.00", "+-1", "€12.00", "12.00%"})
    void malformedAmountsAreRejected(String text) {
        assertThatThrownBy(() -> FieldParser.amount("paid_amount", text))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("paid_amount");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"\u0661\u0662.\u0660\u0660", "\uFF11\uFF12.00", "\uFF11\uFF12"})
    void nonAsciiDigitsAreStrayCharactersAndReject(String text) {
        assertThatThrownBy(() -> FieldParser.amount("paid_amount", text)).isInstanceOf(RowRejectedException.class);
    }

    @Test
    void blankOptionalAmountIsAbsentNotZero() {
        assertThat(FieldParser.amount("allowed_amount", null)).isNull();
    }

    @Test
    void blankRequiredAmountRejects() {
        assertThatThrownBy(() -> FieldParser.requiredAmount("paid_amount", null))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("paid_amount");
    }

    // percents

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"110, 110", "110.5, 110.5", "110%, 110", "2, 2", "0.5%, 0.5"})
    void acceptedPercentForms(String text, String expected) {
        assertThat(FieldParser.percent("rate_percent", text)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"abc", "%", "110%%", "1,10", "ten"})
    void malformedPercentsAreRejected(String text) {
        assertThatThrownBy(() -> FieldParser.percent("rate_percent", text)).isInstanceOf(RowRejectedException.class);
    }

    // quantities

    @Test
    void referenceQuantityIsPositive() {
        assertThat(FieldParser.positiveQuantity("package_size", "2.5")).isEqualByComparingTo("2.5");
        assertThat(FieldParser.positiveQuantity("package_size", null)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "0.0", "-1", "-0.5", "abc", "1,000"})
    void referenceQuantityZeroNegativeOrMalformedRejects(String text) {
        assertThatThrownBy(() -> FieldParser.positiveQuantity("package_size", text))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("package_size");
    }

    @Test
    void remittanceQuantityIsReadAsItsAbsoluteValue() {
        assertThat(FieldParser.absoluteQuantity("ndc_quantity", "-3.5")).isEqualByComparingTo("3.5");
        assertThat(FieldParser.absoluteQuantity("ndc_quantity", "3.5")).isEqualByComparingTo("3.5");
    }

    @Test
    void remittanceQuantityZeroOrBlankIsAbsent() {
        assertThat(FieldParser.absoluteQuantity("ndc_quantity", "0")).isNull();
        assertThat(FieldParser.absoluteQuantity("ndc_quantity", "-0.00")).isNull();
        assertThat(FieldParser.absoluteQuantity("ndc_quantity", null)).isNull();
    }

    @Test
    void remittanceQuantityMalformedRejects() {
        assertThatThrownBy(() -> FieldParser.absoluteQuantity("units_billed", "two"))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("units_billed");
    }

    // lists

    @Test
    void listsSplitOnSemicolonAndPipe() {
        assertThat(FieldParser.list("M119;N350|MA130")).containsExactly("M119", "N350", "MA130");
        assertThat(FieldParser.list(" M119 ; ;N350 ")).containsExactly("M119", "N350");
        assertThat(FieldParser.list(null)).isEmpty();
    }

    @Test
    void modifiersSplitOnColonAndSemicolon() {
        assertThat(FieldParser.modifiers("jz:59")).containsExactly("JZ", "59");
        assertThat(FieldParser.modifiers("JW;JZ")).containsExactly("JW", "JZ");
        assertThat(FieldParser.modifiers(null)).isEmpty();
    }

    // adjustments

    @Test
    void adjustmentsParseGroupReasonAmountAndQuantity() {
        assertThat(FieldParser.adjustments("adjustments", "CO-45:120.00;PR-2:30.00|OA-A1:(5.00):2;pi-b7:$1,000.00"))
                .containsExactly(
                        new Adjustment("CO", "45", new BigDecimal("120.00"), null),
                        new Adjustment("PR", "2", new BigDecimal("30.00"), null),
                        new Adjustment("OA", "A1", new BigDecimal("-5.00"), new BigDecimal("2")),
                        new Adjustment("PI", "B7", new BigDecimal("1000.00"), null));
        assertThat(FieldParser.adjustments("adjustments", "CR-12345:1")).hasSize(1);
        assertThat(FieldParser.adjustments("adjustments", null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "XX-45:10.00",          // unknown group
            "C-45:10.00",           // group too short
            "COO-45:10.00",         // group too long
            "CO-123456:10.00",      // reason too long
            "CO-:10.00",            // reason missing
            "CO-4.5:10.00",         // reason not letters or digits
            "CO-45",                // amount missing
            "CO-45:",               // amount missing
            "CO-45: :1",            // amount blank
            "CO-45:abc",            // amount not a number
            "CO-45:1,23.00",        // bad thousands
            "CO-45:10.00:x",        // quantity not a number
            "CO-45:10.00:1:2",      // too many parts
            "CO45:10.00",           // no hyphen
            "CO-45:10.00;garbage",  // one bad item rejects the row
            "CO-45=10.00"})
    void malformedAdjustmentsReject(String text) {
        assertThatThrownBy(() -> FieldParser.adjustments("adjustments", text))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("adjustments");
    }

    /** Issue 12 case 8: a reason is stored and printed; it never echoes a value that may be PHI. */
    @Test
    void rejectionReasonsNeverEchoTheValue() {
        String phi = "Juniper Fakington";
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> FieldParser.date("service_date", phi),
                () -> FieldParser.date("service_date", "2026-02-30"),
                () -> FieldParser.amount("paid_amount", phi),
                () -> FieldParser.percent("rate_percent", phi),
                () -> FieldParser.positiveQuantity("package_size", phi),
                () -> FieldParser.positiveQuantity("package_size", "-4"),
                () -> FieldParser.absoluteQuantity("ndc_quantity", phi),
                () -> FieldParser.dayCount("appeal_days", phi),
                () -> FieldParser.number("quantity", phi),
                () -> FieldParser.adjustments("adjustments", phi),
                () -> FieldParser.adjustments("adjustments", "CO-45:" + phi));
        for (var call : calls) {
            RowRejectedException e = org.junit.jupiter.api.Assertions.assertThrows(RowRejectedException.class, call);
            assertThat(e.getMessage()).doesNotContain("Juniper").doesNotContain("2026-02-30").doesNotContain("-4")
                    .doesNotContain("'");
        }
        assertThatThrownBy(() -> FieldParser.date("service_date", phi))
                .hasMessage("service_date is not a date (use YYYY-MM-DD, M/D/YYYY or YYYYMMDD)");
    }

    /** Issue 12 case 12: dates Excel cannot show sensibly and day counts of centuries are rejected. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0000-01-01", "9999-12-31", "1899-12-31", "22000101", "1/1/2200", "0001-01-01"})
    void datesOutsideTheSaneRangeAreRejected(String text) {
        assertThatThrownBy(() -> FieldParser.date("payment_date", text))
                .isInstanceOf(RowRejectedException.class)
                .hasMessage("payment_date is outside 1900-01-01..2199-12-31");
    }

    @Test
    void theRangeEndsAreAccepted() {
        assertThat(FieldParser.date("d", "1900-01-01")).isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(FieldParser.date("d", "12/31/2199")).isEqualTo(LocalDate.of(2199, 12, 31));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"99999999", "3651", "-1", "-180", "99999999999", "1.5", "x"})
    void dayCountsOutsideZeroToTenYearsAreRejected(String text) {
        assertThatThrownBy(() -> FieldParser.dayCount("appeal_days", text))
                .isInstanceOf(RowRejectedException.class).hasMessageStartingWith("appeal_days ")
                .message().doesNotContain(text);
    }

    @Test
    void dayCountsWithinTenYearsAreAccepted() {
        assertThat(FieldParser.dayCount("appeal_days", "0")).isZero();
        assertThat(FieldParser.dayCount("appeal_days", "3650")).isEqualTo(3650);
        assertThat(FieldParser.dayCount("appeal_days", null)).isNull();
    }

    /** Issue 12 case 7: magnitudes nothing real reaches, which would overflow later steps. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1000000000", "-1000000000.00", "$1,000,000,000.00", "(1000000000)", "99999999999999999999"})
    void amountsOfABillionOrMoreAreRejected(String text) {
        assertThatThrownBy(() -> FieldParser.amount("paid_amount", text)).isInstanceOf(RowRejectedException.class)
                .hasMessage("paid_amount is too large (its magnitude must be below 1,000,000,000)");
    }

    @Test
    void amountsJustBelowABillionAreAccepted() {
        assertThat(FieldParser.amount("paid_amount", "999999999.99")).isEqualByComparingTo("999999999.99");
        assertThat(FieldParser.amount("paid_amount", "-999,999,999.99")).isEqualByComparingTo("-999999999.99");
    }

    @Test
    void quantitiesOutsideSaneRangesAreRejected() {
        for (String bad : new String[] {"0.00009", "1e-16", "0.0000000000000001", "1000000.01", "99999999999"}) {
            assertThatThrownBy(() -> FieldParser.positiveQuantity("package_size", bad))
                    .isInstanceOf(RowRejectedException.class).hasMessageStartingWith("package_size ");
        }
        assertThat(FieldParser.positiveQuantity("package_size", "0.0001")).isEqualByComparingTo("0.0001");
        assertThat(FieldParser.positiveQuantity("package_size", "1000000")).isEqualByComparingTo("1000000");
        assertThatThrownBy(() -> FieldParser.absoluteQuantity("ndc_quantity", "-1000001"))
                .isInstanceOf(RowRejectedException.class)
                .hasMessage("ndc_quantity is too large (at most 1,000,000)");
        assertThat(FieldParser.absoluteQuantity("ndc_quantity", "-1000000")).isEqualByComparingTo("1000000");
        assertThatThrownBy(() -> FieldParser.number("quantity", "1000001")).isInstanceOf(RowRejectedException.class);
        assertThatThrownBy(() -> FieldParser.percent("rate_percent", "1000.5")).isInstanceOf(RowRejectedException.class)
                .hasMessage("rate_percent is too large (at most 1000%)");
        assertThat(FieldParser.percent("rate_percent", "1000")).isEqualByComparingTo("1000");
    }
}
