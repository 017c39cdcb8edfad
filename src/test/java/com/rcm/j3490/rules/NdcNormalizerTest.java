package com.rcm.j3490.rules;

import static com.rcm.j3490.rules.Lines.ndc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Contract 2.1: NDC forms. */
class NdcNormalizerTest {

    private static Ndc valid(String raw) {
        NdcReading reading = NdcNormalizer.read(raw);
        assertThat(reading).as(raw).isInstanceOf(NdcReading.Valid.class);
        return ((NdcReading.Valid) reading).ndc();
    }

    @Test
    void elevenDigitsAreKeptAndShownIn542Form() {
        assertThat(valid("12345678901").formatted()).isEqualTo("12345-6789-01");
    }

    @Test
    void hyphenated542IsKept() {
        assertThat(valid("12345-6789-01")).isEqualTo(ndc("12345678901"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "1234-5678-90, 01234-5678-90",
            "12345-678-90, 12345-0678-90",
            "12345-6789-1, 12345-6789-01"})
    void hyphenatedShortSegmentGetsALeadingZero(String raw, String expected) {
        assertThat(valid(raw).formatted()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"N412345678901", "N4 12345-6789-01", "n4 12345-6789-01", " 12345 6789 01 ",
            "N4 1234 5678 901"})
    void leadingN4QualifierAndSpacesAreDropped(String raw) {
        assertThat(valid(raw)).isEqualTo(ndc("12345678901"));
    }

    @Test
    void tenDigitsGiveTheThreePaddedReadingsIn442_532_541Order() {
        assertThat(NdcNormalizer.read("1234567890")).isEqualTo(new NdcReading.Ambiguous(
                java.util.List.of(ndc("01234567890"), ndc("12345067890"), ndc("12345678900"))));
    }

    @ParameterizedTest(name = "known {0}")
    @ValueSource(strings = {"01234567890", "12345067890", "12345678900"})
    void tenDigitsResolveWhenExactlyOneReadingIsKnown(String known) {
        Ndc resolved = NdcNormalizer.resolve(NdcNormalizer.read("1234567890"), Set.of(ndc(known))::contains);
        assertThat(resolved).isEqualTo(ndc(known));
    }

    @Test
    void tenDigitsStayUnresolvedWhenNoReadingIsKnown() {
        assertThat(NdcNormalizer.resolve(NdcNormalizer.read("1234567890"), Set.of(ndc("99999999999"))::contains))
                .isNull();
    }

    @Test
    void tenDigitsStayUnresolvedWhenTwoReadingsAreKnown() {
        Set<Ndc> known = Set.of(ndc("01234567890"), ndc("12345678900"));
        assertThat(NdcNormalizer.resolve(NdcNormalizer.read("1234567890"), known::contains)).isNull();
    }

    @Test
    void coincidingReadingsCountOnce() {
        // 5-3-2 and 5-4-1 readings of 1234500006 are both 12345000006
        NdcReading reading = NdcNormalizer.read("1234500006");
        assertThat(reading).isEqualTo(new NdcReading.Ambiguous(
                java.util.List.of(ndc("01234500006"), ndc("12345000006"))));
        assertThat(NdcNormalizer.resolve(reading, Set.of(ndc("12345000006"))::contains))
                .isEqualTo(ndc("12345000006"));
        // 4-4-2 and 5-3-2 readings of 0000012345 are both 00000012345
        assertThat(((NdcReading.Ambiguous) NdcNormalizer.read("0000012345")).candidates())
                .containsExactly(ndc("00000012345"), ndc("00000123405"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234A678901", "ABCDEFGHIJK", "123456789", "123456789012", "1234-567-89", "1234-5678-9",
            "12345-678-9", "123456-789-01", "12345-67890-1", "12345_6789_01", "12345-6789-012"})
    void otherFormsAreInvalid(String raw) {
        NdcReading reading = NdcNormalizer.read(raw);
        assertThat(reading).isInstanceOf(NdcReading.Invalid.class);
        assertThat(NdcNormalizer.resolve(reading, n -> true)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "N4"})
    void blankIsMissing(String raw) {
        assertThat(NdcNormalizer.read(raw)).isInstanceOf(NdcReading.Missing.class);
    }

    @Test
    void referenceFilesAcceptOnlyUnambiguousForms() {
        assertThat(NdcNormalizer.parseUnambiguous("1234567890")).isNull();
        assertThat(NdcNormalizer.parseUnambiguous("1234-567-89")).isNull();
        assertThat(NdcNormalizer.parseUnambiguous("12345678901")).isEqualTo(ndc("12345678901"));
        assertThat(NdcNormalizer.parseUnambiguous("1234-5678-90")).isEqualTo(ndc("01234567890"));
    }

    @Test
    void aLineWithATenDigitNdcIsResolvedAgainstThePricingReference() {
        PricingRow row = Lines.pricing(ndc("12345067890"), "1.00", Lines.DOS.minusYears(1)).build();
        ReconciledLine line = Lines.reconcile(Lines.line().ndc("1234567890").build(), Lines.chargeAtBilled(),
                java.util.List.of(), java.util.List.of(row));
        assertThat(line.ndc()).isEqualTo("12345-0678-90");
        assertThat(line.flags()).doesNotContain(Flag.NDC_INVALID);
    }

    @Test
    void aLineWithATenDigitNdcIsResolvedAgainstTheInvoices() {
        InvoiceLine inv = Lines.invoice("I1", Lines.DOS, ndc("12345678900")).build();
        ReconciledLine line = Lines.reconcile(Lines.line().ndc("1234567890").build(), Lines.chargeAtBilled(),
                java.util.List.of(inv), java.util.List.of());
        assertThat(line.ndc()).isEqualTo("12345-6789-00");
    }
}
