package com.rcm.j3490.workbook;

import static com.rcm.j3490.workbook.Nights.NIGHT_1;
import static com.rcm.j3490.workbook.Nights.line;
import static com.rcm.j3490.workbook.Nights.open;
import static com.rcm.j3490.workbook.Nights.rowsOf;
import static com.rcm.j3490.workbook.Nights.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.rcm.j3490.reference.CodeDescriptionCatalog;
import com.rcm.j3490.rules.CodeDescriptions;
import com.rcm.j3490.rules.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The descriptions beside the codes on the worklists: shipped list, a user's licensed list first, never an error. */
class CodeDescriptionsTest {
    @TempDir
    Path dir;

    @Test
    void theShippedListDescribesTheClassifiedCodesAndTheGroupCodes() {
        CodeDescriptionCatalog codes = CodeDescriptionCatalog.load(null);
        for (String carc : List.of("16", "50", "151", "45", "197", "4", "96")) {
            assertThat(codes.carc(carc)).as(carc).isNotEqualTo(CodeDescriptions.NOT_AVAILABLE);
        }
        for (String rarc : List.of("M119", "N290", "MA130")) {
            assertThat(codes.rarc(rarc)).as(rarc).isNotEqualTo(CodeDescriptions.NOT_AVAILABLE);
        }
        for (String group : List.of("CO", "PR", "OA", "PI", "CR")) {
            assertThat(codes.group(group)).as(group).isNotEqualTo(CodeDescriptions.NOT_AVAILABLE);
        }
        assertThat(codes.carc("ZZ9")).isEqualTo("description not available");
        assertThat(codes.rarc(null)).isEqualTo("description not available");
    }

    @Test
    void aLicensedListTakesPrecedenceCodeByCode() throws Exception {
        Path licensed = dir.resolve("licensed.csv");
        Files.writeString(licensed, "code,description\n16,Licensed text for 16\nM119,Licensed text for M119\n"
                + "W1,Licensed text for W1\n");
        CodeDescriptionCatalog shipped = CodeDescriptionCatalog.load(null);
        CodeDescriptionCatalog codes = CodeDescriptionCatalog.load(licensed);

        assertThat(codes.carc("16")).isEqualTo("Licensed text for 16");
        assertThat(codes.rarc("m119")).isEqualTo("Licensed text for M119");
        assertThat(codes.carc("W1")).isEqualTo("Licensed text for W1");
        // codes the licensed list lacks keep the shipped description
        assertThat(codes.carc("50")).isEqualTo(shipped.carc("50"));

        Path file = Nights.write(dir, NIGHT_1, List.of(line("D1").status(Status.DENIED_CO16).denial("CO-16", "CO-XX9")
                .remarks("M119").build()), 0, codes);
        try (XSSFWorkbook wb = open(file)) {
            XSSFSheet sheet = wb.getSheet("Denied CO-16");
            var row = rowsOf(sheet, "D1").get(0);
            assertThat(value(sheet, row, "Denial Reasons"))
                    .isEqualTo("CO-16 Licensed text for 16; CO-XX9 description not available");
            assertThat(value(sheet, row, "Remark Descriptions")).isEqualTo("M119 Licensed text for M119");
        }
    }
}
