package com.rcm.j3490.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rcm.j3490.rules.Adjustment;
import com.rcm.j3490.rules.RemittanceLine;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract 1.1: remittance rows. */
class RemittanceRowParserTest {
    private static final String HEADER = "Claim ID,Payer ID,Service Date,Procedure Code,Billed Amount,Paid Amount,"
            + "line_number,modifiers,ndc_quantity,ndc_unit,units_billed,allowed_amount,adjustments,remark_codes,"
            + "payment_date";

    @TempDir
    Path dir;

    private CsvRecord record(String row) throws IOException {
        Path file = dir.resolve("remit.csv");
        Files.writeString(file, HEADER + "\n" + row + "\n", StandardCharsets.UTF_8);
        try (CsvRecordReader reader = CsvRecordReader.open(file, InputKind.REMITTANCE)) {
            return reader.next();
        }
    }

    private RemittanceLine parse(String row) throws IOException {
        return RemittanceRowParser.parse(record(row), 7);
    }

    @Test
    void parsesAFullRow() throws IOException {
        RemittanceLine l = parse("C1,P1,11/23/2026,j3490,\"$1,234.56\",(12.00),3,jw:59,-2.5,ml,-4,,"
                + "CO-45:100.00;PR-2:30.00,m119|N350,20261201");
        assertThat(l.claimId()).isEqualTo("C1");
        assertThat(l.serviceDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(l.procedureCode()).isEqualTo("J3490");
        assertThat(l.billedAmount()).isEqualByComparingTo("1234.56");
        assertThat(l.paidAmount()).isEqualByComparingTo("-12.00");
        assertThat(l.lineNumber()).isEqualTo("3");
        assertThat(l.modifiers()).containsExactly("JW", "59");
        assertThat(l.ndcQuantity()).isEqualByComparingTo("2.5");
        assertThat(l.ndcUnit()).isEqualTo("ML");
        assertThat(l.unitsBilled()).isEqualByComparingTo("4");
        assertThat(l.allowedAmount()).as("blank optional amount is absent").isNull();
        assertThat(l.adjustments()).containsExactly(new Adjustment("CO", "45", new BigDecimal("100.00"), null),
                new Adjustment("PR", "2", new BigDecimal("30.00"), null));
        assertThat(l.remarkCodes()).containsExactly("M119", "N350");
        assertThat(l.paymentDate()).isEqualTo(LocalDate.of(2026, 12, 1));
    }

    @Test
    void absentLineNumberIsTheOrdinal() throws IOException {
        assertThat(parse("C1,P1,2026-11-23,J3490,10,10,,,,,,,,,").lineNumber()).isEqualTo("7");
    }

    @Test
    void zeroQuantitiesAreAbsentAndUnitsBilledDefaultsToOne() throws IOException {
        RemittanceLine l = parse("C1,P1,2026-11-23,J3490,10,10,,,0,,0,,,,");
        assertThat(l.ndcQuantity()).isNull();
        assertThat(l.unitsBilled()).isEqualByComparingTo("1");
        assertThat(parse("C1,P1,2026-11-23,J3490,10,10,,,,,,,,,").unitsBilled()).isEqualByComparingTo("1");
    }

    @Test
    void missingRequiredValueRejects() throws IOException {
        assertThatThrownBy(() -> parse(",P1,2026-11-23,J3490,10,10,,,,,,,,,"))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("claim_id");
        assertThatThrownBy(() -> parse("C1,P1,2026-11-23,J3490,10,,,,,,,,,,"))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("paid_amount");
    }

    @Test
    void badDateAmountOrAdjustmentRejects() throws IOException {
        assertThatThrownBy(() -> parse("C1,P1,2026-02-30,J3490,10,10,,,,,,,,,"))
                .isInstanceOf(RowRejectedException.class);
        assertThatThrownBy(() -> parse("C1,P1,2026-11-23,J3490,ten,10,,,,,,,,,"))
                .isInstanceOf(RowRejectedException.class);
        assertThatThrownBy(() -> parse("C1,P1,2026-11-23,J3490,10,10,,,,,,,XX-1:5,,"))
                .isInstanceOf(RowRejectedException.class);
        assertThatThrownBy(() -> parse("C1,P1,2026-11-23,J3490,10,10,,,,,,,,,2026-13-01"))
                .isInstanceOf(RowRejectedException.class);
    }

    @Test
    void malformedRowIsRejectedWhateverItsProcedureCode() throws IOException {
        assertThatThrownBy(() -> parse("C1,P1,2026-02-30,99213,10,1,,,,,,,,,"))
                .isInstanceOf(RowRejectedException.class);
    }

    @Test
    void unquotedCommaInAnAmountShiftsTheRowAndRejectsIt() throws IOException {
        assertThatThrownBy(() -> parse("C1,P1,2026-11-23,J3490,$1,234.56,10,,,,,,,,,"))
                .isInstanceOf(RowRejectedException.class).hasMessageContaining("fields");
    }

    /** Issue 12 case 7: an id over the limit is rejected; free text is cut with a marker. */
    @Test
    void overlongIdsAreRejectedAndOverlongFreeTextIsTruncatedWithAMarker() throws IOException {
        Path file = dir.resolve("long.csv");
        String drug = "D".repeat(100_000);
        Files.writeString(file, "claim_id,payer_id,service_date,procedure_code,billed_amount,paid_amount,drug_name\n"
                + "C1,P1,2026-11-01,J3490,10.00,5.00," + drug + "\n"
                + "C".repeat(40_000) + ",P1,2026-11-01,J3490,10.00,5.00,Drug\n", StandardCharsets.UTF_8);
        try (CsvRecordReader reader = CsvRecordReader.open(file, InputKind.REMITTANCE)) {
            RemittanceLine line = RemittanceRowParser.parse(reader.next(), 1);
            assertThat(line.drugName()).hasSize(CsvRecord.MAX_VALUE_LENGTH)
                    .endsWith(CsvRecord.TRUNCATION_MARKER).startsWith("DDDD");
            CsvRecord longId = reader.next();
            assertThatThrownBy(() -> RemittanceRowParser.parse(longId, 1)).isInstanceOf(RowRejectedException.class)
                    .hasMessage("claim_id is longer than 1000 characters");
        }
    }
}
