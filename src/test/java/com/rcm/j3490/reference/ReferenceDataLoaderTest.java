package com.rcm.j3490.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.input.InputFileException;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.input.RowRejection;
import com.rcm.j3490.rules.Basis;
import com.rcm.j3490.rules.ContractBook;
import com.rcm.j3490.rules.InvoiceLine;
import com.rcm.j3490.rules.Ndc;
import com.rcm.j3490.rules.PayerContract;
import com.rcm.j3490.rules.PricingRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract 1.2-1.4: reference files, their defaults and their rejected rows. */
class ReferenceDataLoaderTest {
    private static final LocalDate DOS = LocalDate.of(2026, 3, 10);
    private static final String CONTRACTS_HEADER = "payer_id,basis,rate_percent,fallback_basis,fallback_rate_percent,"
            + "tolerance_amount,tolerance_percent,appeal_days,effective_from,effective_to\n";
    private static final String PRICING_HEADER = "ndc,payment_limit,effective_from,effective_to,"
            + "billing_units_per_package,package_size,hcpcs_code\n";
    private static final String INVOICES_HEADER = "invoice_number,invoice_date,ndc,unit_cost,package_size,"
            + "package_unit,claim_id\n";

    @TempDir
    Path dir;

    private ReferenceData load(String contracts, String pricing, String invoices) throws IOException {
        Path c = dir.resolve("payer-contracts.csv");
        Path p = dir.resolve("asp-pricing.csv");
        Path i = dir.resolve("invoices");
        Files.createDirectories(i);
        Files.writeString(c, CONTRACTS_HEADER + contracts, StandardCharsets.UTF_8);
        Files.writeString(p, PRICING_HEADER + pricing, StandardCharsets.UTF_8);
        Files.writeString(i.resolve("inv-2026.csv"), INVOICES_HEADER + invoices, StandardCharsets.UTF_8);
        return ReferenceDataLoader.load(c, p, i, 365);
    }

    private ReferenceData loadContracts(String rows) throws IOException {
        return load(rows, "", "");
    }

    private static List<String> reasons(ReferenceData data) {
        return data.rejections().stream().map(RowRejection::reason).toList();
    }

    // contracts

    @Test
    void validContractRowLoadsWithDefaults() throws IOException {
        ReferenceData data = loadContracts("P1,asp,106%,,,,,,,\n");
        assertThat(data.rejections()).isEmpty();
        PayerContract c = data.contracts().find("P1", DOS).orElseThrow();
        assertThat(c.basis()).isEqualTo(Basis.ASP);
        assertThat(c.ratePercent()).isEqualByComparingTo("106");
        assertThat(c.toleranceAmount()).isEqualByComparingTo("1.00");
        assertThat(c.tolerancePercent()).isEqualByComparingTo("2");
        assertThat(c.appealDays()).isEqualTo(180);
        assertThat(c.fallbackBasis()).isNull();
    }

    @Test
    void contractRowWithAllValues() throws IOException {
        ReferenceData data = loadContracts("P1,INVOICE,110,CHARGE,80,$5.00,3%,90,1/1/2026,20261231\n");
        assertThat(data.rejections()).isEmpty();
        PayerContract c = data.contracts().find("P1", DOS).orElseThrow();
        assertThat(c.fallbackBasis()).isEqualTo(Basis.CHARGE);
        assertThat(c.fallbackRatePercent()).isEqualByComparingTo("80");
        assertThat(c.toleranceAmount()).isEqualByComparingTo("5.00");
        assertThat(c.tolerancePercent()).isEqualByComparingTo("3");
        assertThat(c.appealDays()).isEqualTo(90);
        assertThat(data.contracts().find("P1", LocalDate.of(2027, 1, 1))).isEmpty();
    }

    @Test
    void contractWithBlankPayerIdIsRejected() throws IOException {
        ReferenceData data = loadContracts(",ASP,106,,,,,,,\n");
        assertThat(reasons(data)).singleElement().asString().contains("payer_id");
    }

    @Test
    void contractWithBadBasisIsRejected() throws IOException {
        ReferenceData data = loadContracts("P1,COST,106,,,,,,,\n");
        assertThat(reasons(data)).singleElement().asString().contains("basis");
        assertThat(data.contracts().find("P1", DOS)).isEmpty();
    }

    @Test
    void contractWithBadFallbackBasisIsRejected() throws IOException {
        ReferenceData data = loadContracts("P1,ASP,106,WAC,100,,,,,\n");
        assertThat(reasons(data)).singleElement().asString().contains("fallback_basis");
    }

    @Test
    void contractWithFallbackBasisButNoFallbackRateIsRejected() throws IOException {
        ReferenceData data = loadContracts("P1,ASP,106,CHARGE,,,,,,\n");
        assertThat(reasons(data)).singleElement().asString().contains("fallback");
        assertThat(data.contracts().find("P1", DOS)).isEmpty();
    }

    @Test
    void contractWithFallbackRateButNoFallbackBasisIsRejected() throws IOException {
        ReferenceData data = loadContracts("P1,ASP,106,,80,,,,,\n");
        assertThat(reasons(data)).singleElement().asString().contains("fallback");
        assertThat(data.contracts().find("P1", DOS)).isEmpty();
    }

    @Test
    void contractWithMissingOrBadRateIsRejected() throws IOException {
        ReferenceData data = loadContracts("P1,ASP,,,,,,,,\nP2,ASP,abc,,,,,,,\n");
        assertThat(data.rejections()).hasSize(2);
    }

    @Test
    void firstContractRowInTheFileWins() throws IOException {
        ReferenceData data = loadContracts("P1,CHARGE,70,,,,,,,\nP1,CHARGE,80,,,,,,,\n*,CHARGE,50,,,,,,,\n");
        assertThat(data.contracts().find("P1", DOS).orElseThrow().ratePercent()).isEqualByComparingTo("70");
        assertThat(data.contracts().find("P9", DOS).orElseThrow().ratePercent()).isEqualByComparingTo("50");
    }

    // rejections carry file, line, reason and raw row

    @Test
    void rejectionCarriesFileLineReasonAndRawRow() throws IOException {
        ReferenceData data = loadContracts("P1,ASP,106,,,,,,,\n\nP2,BOGUS,106,,,,,,,\n");
        assertThat(data.rejections()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("payer-contracts.csv");
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.reason()).contains("basis").doesNotContain("BOGUS");
            assertThat(r.rawRow()).isEqualTo("P2,BOGUS,106,,,,,,,");
        });
        assertThat(data.files()).filteredOn(f -> f.kind() == InputKind.CONTRACTS).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("payer-contracts.csv");
            assertThat(f.rows()).isEqualTo(2);
            assertThat(f.rejected()).extracting(RowRejection::line).containsExactly(4L);
        });
    }

    // invoices

    @Test
    void invoiceWithoutNdcAndWithoutClaimIdIsRejected() throws IOException {
        ReferenceData data = load("", "", "INV-1,2026-03-01,,10.00,,,\n");
        assertThat(data.rejections()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("inv-2026.csv");
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("ndc");
            assertThat(r.rawRow()).isEqualTo("INV-1,2026-03-01,,10.00,,,");
        });
    }

    @Test
    void invoiceWithClaimIdMayHaveABlankNdc() throws IOException {
        ReferenceData data = load("", "", "INV-1,2026-03-01,,10.00,,,C1\n");
        assertThat(data.rejections()).isEmpty();
        InvoiceLine inv = data.invoices().match("C1", null, DOS).orElseThrow();
        assertThat(inv.ndc()).isNull();
        assertThat(inv.claimId()).isEqualTo("C1");
    }

    @Test
    void invoiceDefaultsPackageSizeOneAndUnitUn() throws IOException {
        ReferenceData data = load("", "", "INV-1,2026-03-01,12345-6789-01,10.00,,,\n");
        InvoiceLine inv = data.invoices().match("C1", new Ndc("12345678901"), DOS).orElseThrow();
        assertThat(inv.packageSize()).isEqualByComparingTo("1");
        assertThat(inv.packageUnit()).isEqualTo("UN");
    }

    @Test
    void invoiceWithTenDigitUnhyphenatedNdcIsRejected() throws IOException {
        ReferenceData data = load("", "", "INV-1,2026-03-01,1234567890,10.00,,,\n"
                + "INV-2,2026-03-01,1234-5678-90,10.00,2,ml,\n");
        assertThat(data.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.reason()).contains("ndc").doesNotContain("1234567890");
        });
        InvoiceLine inv = data.invoices().match("C1", new Ndc("01234567890"), DOS).orElseThrow();
        assertThat(inv.invoiceNumber()).isEqualTo("INV-2");
        assertThat(inv.packageUnit()).isEqualTo("ML");
    }

    @Test
    void invoiceWithZeroOrNegativePackageSizeIsRejected() throws IOException {
        ReferenceData data = load("", "", "INV-1,2026-03-01,12345678901,10.00,0,,\n"
                + "INV-2,2026-03-01,12345678901,10.00,-3,,\n");
        assertThat(data.rejections()).hasSize(2);
    }

    @Test
    void invoiceWithBadDateOrCostIsRejected() throws IOException {
        ReferenceData data = load("", "", "INV-1,2026-02-30,12345678901,10.00,,,\n"
                + "INV-2,2026-03-01,12345678901,ten,,,\n"
                + "INV-3,2026-03-01,12345678901,,,,\n");
        assertThat(data.rejections()).extracting(RowRejection::line).containsExactly(2L, 3L, 4L);
    }

    // pricing

    @Test
    void pricingWithTenDigitUnhyphenatedNdcIsRejected() throws IOException {
        ReferenceData data = load("", "1234567890,1.00,2026-01-01,,,,\n12345-678-90,2.00,2026-01-01,,,,J9035\n", "");
        assertThat(data.rejections()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("asp-pricing.csv");
            assertThat(r.line()).isEqualTo(2);
        });
        PricingRow row = data.pricing().find(new Ndc("12345067890"), DOS).orElseThrow();
        assertThat(row.paymentLimit()).isEqualByComparingTo("2.00");
        assertThat(row.billingUnitsPerPackage()).isEqualByComparingTo("1");
        assertThat(row.packageSize()).isEqualByComparingTo("1");
        assertThat(row.effectiveTo()).isNull();
        assertThat(row.hcpcsCode()).isEqualTo("J9035");
    }

    @Test
    void pricingWithZeroBillingUnitsOrPackageSizeIsRejected() throws IOException {
        ReferenceData data = load("", "12345678901,1.00,2026-01-01,,0,,\n12345678901,1.00,2026-01-01,,,-1,\n", "");
        assertThat(data.rejections()).hasSize(2);
    }

    @Test
    void pricingWithoutEffectiveFromIsRejected() throws IOException {
        ReferenceData data = load("", "12345678901,1.00,,,,,\n", "");
        assertThat(reasons(data)).singleElement().asString().contains("effective_from");
    }

    // files

    @Test
    void missingRequiredColumnRefusesTheFile() throws IOException {
        Path c = dir.resolve("contracts.csv");
        Path p = dir.resolve("pricing.csv");
        Path i = dir.resolve("invoices.csv");
        Files.writeString(c, "payer_id,basis,rate_percent\n");
        Files.writeString(p, "ndc,payment_limit\n");
        Files.writeString(i, INVOICES_HEADER);
        assertThatThrownBy(() -> ReferenceDataLoader.load(c, p, i, 365))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("pricing.csv")
                .hasMessageContaining("effective_from");
    }

    @Test
    void missingPathRefusesTheRun() {
        assertThatThrownBy(() -> ReferenceDataLoader.load(dir.resolve("none.csv"), dir.resolve("none2.csv"),
                dir.resolve("none3"), 365))
                .isInstanceOf(InputFileException.class).hasMessageContaining("none.csv");
    }

    /** Issue 12 case 8: reasons never echo a value. */
    @Test
    void referenceRejectionReasonsNeverEchoTheValue() throws IOException {
        ReferenceData data = load("P1,Juniper,106,,,,,,,\n", "Juniper Fakington,12.00,2026-01-01,,,,\n", "");
        assertThat(reasons(data)).hasSize(2).allSatisfy(r -> assertThat(r).doesNotContain("Juniper"));
    }

    /** Issue 12 case 12. */
    @Test
    void absurdDatesAndDayCountsAreRejectedWithFileAndLine() throws IOException {
        ReferenceData data = load("P1,ASP,106,,,,,99999999,,\nP2,ASP,106,,,,,,0000-01-01,\n",
                "11111-2222-01,12.00,9999-12-31,,,,\n", "INV-1,0001-01-01,11111-2222-01,10.00,,,\n");
        assertThat(data.rejections()).extracting(RowRejection::line).containsExactly(2L, 3L, 2L, 2L);
        assertThat(reasons(data)).containsExactly("appeal_days must be a whole number from 0 to 3650",
                "effective_from is outside 1900-01-01..2199-12-31", "effective_from is outside 1900-01-01..2199-12-31",
                "invoice_date is outside 1900-01-01..2199-12-31");
    }

    /** Issue 12 case 4: negative reference values are rejected like a negative tolerance_percent. */
    @Test
    void negativeReferenceValuesAreRejected() throws IOException {
        ReferenceData data = load("P1,ASP,106,,,-1.00,,,,\nP2,ASP,106,,,,,-30,,\nP3,ASP,106,,,,-2,,,\nP4,ASP,106,,,0.00,0,0,,\n",
                "11111-2222-01,-12.00,2026-01-01,,,,\n11111-2222-02,0.00,2026-01-01,,,,\n",
                "INV-1,2026-01-01,11111-2222-01,-10.00,,,\nINV-2,2026-01-01,11111-2222-01,0.00,,,\n");
        assertThat(reasons(data)).containsExactly("tolerance_amount must not be negative",
                "appeal_days must be a whole number from 0 to 3650",
                "tolerance_percent is not a percent (like 110, 110.5 or 110%)",
                "payment_limit must not be negative", "unit_cost must not be negative");
        assertThat(data.rejections()).extracting(RowRejection::file).containsExactly("payer-contracts.csv",
                "payer-contracts.csv", "payer-contracts.csv", "asp-pricing.csv", "inv-2026.csv");
        assertThat(data.rejections()).extracting(RowRejection::line).containsExactly(2L, 3L, 4L, 2L, 2L);
        assertThat(data.payersWithRejectedContractRows()).containsExactly("P1", "P2", "P3");
    }

    @Test
    void aRejectedContractRowWhosePayerCannotBeReadCountsForEveryPayerButAnEmptyRowDoesNot() throws IOException {
        ReferenceData empty = loadContracts(",,,,,,,,,\n");
        assertThat(empty.rejections()).hasSize(1);
        assertThat(empty.payersWithRejectedContractRows()).isEmpty();
        ReferenceData blankPayer = loadContracts(",ASP,106,,,,,,,\n");
        assertThat(blankPayer.payersWithRejectedContractRows()).containsExactly(ContractBook.UNKNOWN_PAYER);
        assertThat(blankPayer.contracts().lostARow("ANY", DOS)).isTrue();
        ReferenceData unbalanced = loadContracts("P1,\"ASP,106,,,,,,,\n");
        assertThat(unbalanced.payersWithRejectedContractRows()).containsExactly(ContractBook.UNKNOWN_PAYER);
    }

    /** Issue 12 case 2, for the reference files: a bare or stray quote costs its own row, not the rows after it. */
    @Test
    void anUnbalancedQuoteInAnInvoiceRejectsOnlyItsLine() throws IOException {
        ReferenceData data = load("", "", "INV-1,2026-01-01,\"11111-2222-01,10.00,,,\n"
                + "INV-2,2026-01-02,11111-2222-01,20.00,,,\nINV-3,2026-01-03,11111-2222-01,30.00,,UN\",\n");
        assertThat(data.rejections()).extracting(RowRejection::line).containsExactly(2L, 4L);
        assertThat(data.rejections()).extracting(RowRejection::reason).allSatisfy(r -> assertThat(r).contains("quote"));
        assertThat(data.files().get(2).rows()).isEqualTo(3);
        assertThat(data.invoices().knows(new Ndc("11111222201"))).isTrue();
    }
}
