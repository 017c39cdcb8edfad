package com.rcm.j3490.input.x12;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every public sample reads without a refusal; balancing agrees with the samples' README "Balances" column. */
class PublicSamplesTest {

    record Result(List<X12ServiceLine> lines, RemittanceSummary summary) {
    }

    static Result read(String name) throws IOException {
        RemittanceSummary summary = new RemittanceSummary();
        List<X12ServiceLine> lines = new ArrayList<>();
        try (InputStream in = PublicSamplesTest.class.getResourceAsStream("/x12/public/" + name);
                Remittance835Reader reader = new Remittance835Reader(X12SegmentReader.open(in, name), null, summary)) {
            X12ServiceLine line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return new Result(lines, summary);
    }

    @ParameterizedTest
    @CsvSource({
        "linuxforhealth-x12__cob-contractural-adjustment.835, yes, yes, yes",
        "linuxforhealth-x12__managed-care.835, yes, yes, yes",
        "linuxforhealth-x12__medicare-part-a.835, yes, yes, yes",
        "linuxforhealth-x12__secondary-payment.835, yes, yes, yes",
        "linuxforhealth-x12__tertiary-payment.835, yes, -, no",
        "pyx12__835_mult_loops.txt, yes, yes, yes",
        "pyx12__835_simple_4010.txt, no, -, -",
        "keironstoddart__blue_cross_nc_sample.txt, yes, yes, yes",
        "keironstoddart__emedny_sample.txt, yes, yes, yes",
        "keironstoddart__united_healthcare_legacy_sample.txt, yes, yes, yes",
        "affect-therapeutics__exhaustive_sample.txt, -, -, -",
        "affect-therapeutics__nevada_medicaid.txt, yes, yes, yes",
        "affect-therapeutics__sample_835.txt, -, -, -",
        "affect-therapeutics__sample_835_with_interests.txt, -, -, -",
        "chs-cds-aiml__test.835, yes, no, -",
        "diasks2-era_835_parser__example_1.835, no, -, -",
        "diasks2-era_835_parser__example_2.835, yes, yes, yes",
        "diasks2-era_835_parser__example_3.835, yes, yes, yes",
        "diasks2-era_835_parser__example_4.835, yes, yes, yes",
        "diasks2-era_835_parser__example_5.835, yes, yes, yes",
        "diasks2-era_835_parser__example_6.835, no, -, -",
    })
    void readsWithoutRefusalAndBalancesAsTheReadmeSays(String file, String transaction, String claim, String service)
            throws IOException {
        Result result = read(file);
        List<TransactionBalance> sets = result.summary().transactions();
        assertFalse(sets.isEmpty(), file + " has no 835 transaction set");
        String report = file + " " + sets;
        check(transaction, sets.stream().allMatch(TransactionBalance::transactionBalances), "transaction " + report);
        check(claim, sets.stream().allMatch(TransactionBalance::claimsBalance), "claim " + report);
        check(service, sets.stream().allMatch(TransactionBalance::serviceLinesBalance), "service " + report);
    }

    private static void check(String expected, boolean actual, String what) {
        if (!expected.equals("-")) {
            assertEquals(expected.equals("yes"), actual, what);
        }
    }
}
