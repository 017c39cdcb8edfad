package com.rcm.j3490.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Contract 1: CSV reading shared by every input. */
class CsvRecordReaderTest {
    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static List<CsvRecord> readAll(Path file, InputKind kind) throws IOException {
        List<CsvRecord> records = new ArrayList<>();
        try (CsvRecordReader reader = CsvRecordReader.open(file, kind)) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        }
        return records;
    }

    @Test
    void byteOrderMarkIsIgnored() throws IOException {
        Path file = write("bom.csv", "\uFEFFpayer_id,basis,rate_percent\nP1,ASP,106\n");
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("payer_id")).isEqualTo("P1");
        assertThat(records.get(0).line()).isEqualTo(2);
    }

    @Test
    void crlfLineEndingsAreRead() throws IOException {
        Path file = write("crlf.csv", "payer_id,basis,rate_percent\r\nP1,ASP,106\r\nP2,CHARGE,80\r\n");
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records).extracting(r -> r.get("rate_percent")).containsExactly("106", "80");
        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L);
        assertThat(records.get(1).raw()).isEqualTo("P2,CHARGE,80");
        assertThat(records.get(1).fields()[2]).isEqualTo("80");
    }

    @Test
    void quotedCommasAndQuotesAreOneField() throws IOException {
        Path file = write("quoted.csv", "payer_id,basis,rate_percent,payer_name\n"
                + "P1,ASP,106,\"Acme, Inc. \"\"East\"\"\"\n");
        CsvRecord r = readAll(file, InputKind.CONTRACTS).get(0);
        assertThat(r.fields()).hasSize(4);
        assertThat(r.get("payer_name")).isEqualTo("Acme, Inc. \"East\"");
    }

    @Test
    void quotedLineBreakIsNumberedByItsFirstLineAndKeepsBothLines() throws IOException {
        Path file = write("multiline.csv", "payer_id,basis,rate_percent,payer_name\n"
                + "P1,ASP,106,\"Acme\nEast\"\n"
                + "P2,CHARGE,80,Beta\n");
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(0).get("payer_name")).isEqualTo("Acme\nEast");
        assertThat(records.get(0).raw()).contains("P1,ASP,106,\"Acme").contains("East\"")
                .isEqualTo("P1,ASP,106,\"Acme\nEast\"");
        assertThat(records.get(1).line()).isEqualTo(4);
        assertThat(records.get(1).raw()).isEqualTo("P2,CHARGE,80,Beta");
    }

    @Test
    void quotedLineBreakWithCrlf() throws IOException {
        Path file = write("multiline-crlf.csv", "payer_id,basis,rate_percent,payer_name\r\n"
                + "P1,ASP,106,\"Acme\r\nEast\"\r\n"
                + "P2,CHARGE,80,Beta\r\n");
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 4L);
        assertThat(records.get(0).raw()).contains("Acme").contains("East");
    }

    @Test
    void blankLinesAreIgnoredButStillCountAsLines() throws IOException {
        Path file = write("blank.csv", "payer_id,basis,rate_percent\n\nP1,ASP,106\n\n   \nP2,CHARGE,80\n\n");
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records).extracting(r -> r.get("payer_id")).containsExactly("P1", "P2");
        assertThat(records).extracting(CsvRecord::line).containsExactly(3L, 6L);
    }

    @Test
    void headerNamesMatchCaseInsensitivelyWithUnderscoreHyphenAndSpaceAlike() throws IOException {
        Path file = write("header.csv", "Payer ID,BASIS,Rate-Percent,fallback_BASIS,Fallback Rate-Percent\n"
                + "P1,ASP,106,CHARGE,80\n");
        CsvRecord r = readAll(file, InputKind.CONTRACTS).get(0);
        assertThat(r.get(Columns.PAYER_ID)).isEqualTo("P1");
        assertThat(r.get(Columns.RATE_PERCENT)).isEqualTo("106");
        assertThat(r.get(Columns.FALLBACK_BASIS)).isEqualTo("CHARGE");
        assertThat(r.get(Columns.FALLBACK_RATE_PERCENT)).isEqualTo("80");
        assertThat(Columns.normalise("Claim ID")).isEqualTo("claim_id");
        assertThat(Columns.normalise("CLAIM-ID")).isEqualTo("claim_id");
    }

    @Test
    void columnOrderIsFreeAndUnknownColumnsAreIgnored() throws IOException {
        Path file = write("order.csv", "notes,rate_percent,whatever,basis,payer_id\nhello,106,x,ASP,P1\n");
        CsvRecord r = readAll(file, InputKind.CONTRACTS).get(0);
        assertThat(r.get("payer_id")).isEqualTo("P1");
        assertThat(r.get("basis")).isEqualTo("ASP");
        assertThat(r.get("rate_percent")).isEqualTo("106");
        CsvRecordReader.checkWidth(r);
    }

    @Test
    void valuesAreTrimmedAndBlankValuesAreNull() throws IOException {
        Path file = write("blanks.csv", "payer_id,basis,rate_percent,payer_name\n P1 ,ASP,106,  \n");
        CsvRecord r = readAll(file, InputKind.CONTRACTS).get(0);
        assertThat(r.get("payer_id")).isEqualTo("P1");
        assertThat(r.get("payer_name")).isNull();
        assertThat(r.get("not_a_column")).isNull();
        assertThatThrownBy(() -> r.require("payer_name")).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("payer_name");
    }

    @Test
    void missingRequiredColumnsRefuseTheFileNamingFileAndColumns() throws IOException {
        Path file = write("contracts-bad.csv", "payer_id,rate,notes\nP1,106,x\n");
        assertThatThrownBy(() -> CsvRecordReader.open(file, InputKind.CONTRACTS))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("contracts-bad.csv")
                .hasMessageContaining("basis")
                .hasMessageContaining("rate_percent")
                .message().doesNotContain("payer_id").doesNotContain("\n");
    }

    @Test
    void missingRemittanceColumnsAreAllNamed() throws IOException {
        Path file = write("remit.csv", "claim_id,payer_id,service_date\nC1,P1,2026-01-01\n");
        assertThatThrownBy(() -> CsvRecordReader.open(file, InputKind.REMITTANCE))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("remit.csv")
                .hasMessageContaining("procedure_code")
                .hasMessageContaining("billed_amount")
                .hasMessageContaining("paid_amount");
    }

    @Test
    void emptyOrMissingFileIsRefused() throws IOException {
        Path empty = write("empty.csv", "");
        assertThatThrownBy(() -> CsvRecordReader.open(empty, InputKind.CONTRACTS))
                .isInstanceOf(InputFileException.class).hasMessageContaining("empty.csv");
        assertThatThrownBy(() -> CsvRecordReader.open(dir.resolve("nope.csv"), InputKind.CONTRACTS))
                .isInstanceOf(InputFileException.class).hasMessageContaining("nope.csv");
    }

    @Test
    void rowWithWrongFieldCountIsRejected() throws IOException {
        Path file = write("width.csv", "payer_id,basis,rate_percent\nP1,ASP,106,extra\nP2,ASP\nP3,ASP,106\n");
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records).hasSize(3);
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(records.get(0))).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("4").hasMessageContaining("3");
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(records.get(1))).isInstanceOf(RowRejectedException.class);
        CsvRecordReader.checkWidth(records.get(2));
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(0).raw()).isEqualTo("P1,ASP,106,extra");
        assertThat(records.get(0).file()).isEqualTo("width.csv");
    }

    @Test
    void unterminatedQuoteIsRejectedNotFatal() throws IOException {
        Path file = write("unterminated.csv", "payer_id,basis,rate_percent\nP1,ASP,106\nP2,ASP,\"106\n");
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records).hasSize(2);
        CsvRecordReader.checkWidth(records.get(0));
        assertThat(records.get(1).line()).isEqualTo(3);
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(records.get(1))).isInstanceOf(RowRejectedException.class);
    }

    private static final String REMIT_HEADER = "claim_id,payer_id,service_date,procedure_code,drug_name,billed_amount,paid_amount\n";

    /** Issue 12 case 2: a bare quote opening a drug name at row 10 and a stray one closing row 40's. */
    @Test
    void unbalancedQuotesRejectOneRowAndReadingResumesAtTheNextLine() throws IOException {
        StringBuilder csv = new StringBuilder(REMIT_HEADER);
        for (int row = 1; row <= 50; row++) {
            String drug = row == 10 ? "\"Drugamab 10 mg" : row == 40 ? "Drugamab 40 mg\"" : "Drugamab " + row + " mg";
            csv.append("C03-1000000").append(row).append(",P1,2026-11-01,J3490,").append(drug)
                    .append(",").append(row).append("00.00,").append(row).append(".00\n");
        }
        Path file = write("quotes.csv", csv.toString());
        List<CsvRecord> records = readAll(file, InputKind.REMITTANCE);

        assertThat(records).hasSize(50);
        CsvRecord broken = records.get(9);
        assertThat(broken.line()).isEqualTo(11);
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(broken)).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("quote");
        assertThat(broken.raw()).isEqualTo("C03-100000010,P1,2026-11-01,J3490,\"Drugamab 10 mg,1000.00,10.00");
        CsvRecord stray = records.get(39);
        assertThat(stray.line()).isEqualTo(41);
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(stray)).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("quote");
        for (int row = 1; row <= 50; row++) {
            CsvRecord r = records.get(row - 1);
            assertThat(r.line()).isEqualTo(row + 1);
            if (row != 10 && row != 40) {
                CsvRecordReader.checkWidth(r);
                assertThat(r.get("claim_id")).isEqualTo("C03-1000000" + row);
                assertThat(r.get("paid_amount")).isEqualTo(row + ".00");
            }
        }
    }

    @Test
    void aQuotedLineBreakThatSwallowsACompleteRowIsRejected() throws IOException {
        Path file = write("swallow.csv", REMIT_HEADER
                + "C1,P1,2026-11-01,J3490,\"Drug one,10.00,1.00\n"
                + "C2,P1,2026-11-01,J3490,Drug two,20.00,2.00\n"
                + "C3,P1,2026-11-01,J3490,Drug three\",30.00,3.00\n");
        List<CsvRecord> records = readAll(file, InputKind.REMITTANCE);
        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L, 4L);
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(records.get(0))).isInstanceOf(RowRejectedException.class);
        assertThat(records).extracting(r -> r.get("paid_amount")).containsExactly(null, "2.00", "3.00");
    }

    @Test
    void aQuotedFieldOverMoreLinesThanTheBoundIsRejected() throws IOException {
        StringBuilder csv = new StringBuilder("payer_id,basis,rate_percent,payer_name\nP1,ASP,106,\"Acme");
        for (int i = 0; i < CsvRecordReader.MAX_RECORD_LINES; i++) {
            csv.append("\nnote ").append(i);
        }
        csv.append("\"\nP2,CHARGE,80,Beta\n");
        Path file = write("long.csv", csv.toString());
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(records.get(0))).isInstanceOf(RowRejectedException.class);
        CsvRecord last = records.get(records.size() - 1);
        assertThat(last.get("payer_id")).isEqualTo("P2");
        assertThat(last.line()).isEqualTo(CsvRecordReader.MAX_RECORD_LINES + 3);
    }

    @Test
    void aQuotedFieldWithinTheBoundStaysOneField() throws IOException {
        StringBuilder csv = new StringBuilder("payer_id,basis,rate_percent,payer_name\nP1,ASP,106,\"Acme");
        for (int i = 1; i < CsvRecordReader.MAX_RECORD_LINES; i++) {
            csv.append("\nnote, ").append(i);
        }
        csv.append("\"\nP2,CHARGE,80,Beta\n");
        List<CsvRecord> records = readAll(write("ok.csv", csv.toString()), InputKind.CONTRACTS);
        assertThat(records).hasSize(2);
        CsvRecordReader.checkWidth(records.get(0));
        assertThat(records.get(0).get("payer_name")).startsWith("Acme\nnote, 1").endsWith("note, 9");
        assertThat(records.get(1).line()).isEqualTo(CsvRecordReader.MAX_RECORD_LINES + 2);
    }

    /** Issue 12 case 10: a file in another encoding says so instead of "lacks required columns". */
    @Test
    void utf16AndBinaryFilesNameTheEncodingProblem() throws IOException {
        String csv = "payer_id,basis,rate_percent\nP1,ASP,106\n";
        Path le = dir.resolve("le.csv");
        Files.write(le, ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16LE));
        Path be = dir.resolve("be.csv");
        Files.write(be, ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_16BE));
        Path noBom = dir.resolve("nobom.csv");
        Files.write(noBom, csv.getBytes(StandardCharsets.UTF_16LE));
        Path binary = dir.resolve("book.csv");
        Files.write(binary, new byte[] {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0});
        assertThatThrownBy(() -> CsvRecordReader.open(le, InputKind.CONTRACTS)).isInstanceOf(InputFileException.class)
                .hasMessage("payer contracts file " + le + " is not UTF-8 text (it starts with a UTF-16LE byte-order mark); save it as CSV UTF-8");
        assertThatThrownBy(() -> CsvRecordReader.open(be, InputKind.CONTRACTS)).isInstanceOf(InputFileException.class)
                .hasMessageContaining("UTF-16BE byte-order mark");
        for (Path p : List.of(noBom, binary)) {
            assertThatThrownBy(() -> CsvRecordReader.open(p, InputKind.CONTRACTS)).isInstanceOf(InputFileException.class)
                    .hasMessageContaining("is not UTF-8 text (it holds NUL bytes: looks like UTF-16 or a binary file")
                    .message().doesNotContain("lacks");
        }
    }

    @Test
    void aStrayQuoteInsideAnUnquotedFieldRejectsTheRowButADoubledQuoteInAQuotedFieldIsText() throws IOException {
        Path file = write("stray.csv", "payer_id,basis,rate_percent,payer_name\n"
                + "P1,ASP,106,Acme 5\" East\n"
                + "P2,ASP,106,\"Acme 5\"\" East\"\n"
                + "P3,ASP,106,Acme\n");
        List<CsvRecord> records = readAll(file, InputKind.CONTRACTS);
        assertThat(records).extracting(CsvRecord::line).containsExactly(2L, 3L, 4L);
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(records.get(0))).isInstanceOf(RowRejectedException.class)
                .hasMessageContaining("quote");
        Path endQuote = write("stray-mid.csv", "payer_id,payer_name,basis,rate_percent\nP1,Acme 5\"East,ASP,106\n");
        assertThatThrownBy(() -> CsvRecordReader.checkWidth(readAll(endQuote, InputKind.CONTRACTS).get(0)))
                .isInstanceOf(RowRejectedException.class)
                .hasMessage("a quote inside an unquoted field (quote the whole field and double the quote: \"5\"\" vial\")");
        CsvRecordReader.checkWidth(records.get(1));
        assertThat(records.get(1).get("payer_name")).isEqualTo("Acme 5\" East");
        CsvRecordReader.checkWidth(records.get(2));
    }
}
