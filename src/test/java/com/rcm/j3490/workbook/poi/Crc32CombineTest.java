package com.rcm.j3490.workbook.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class Crc32CombineTest {

    @Test
    void theCombinedCrcOfTwoPartsIsTheCrcOfTheWhole() {
        Random random = new Random(3490);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(5000)];
            random.nextBytes(data);
            int cut = data.length == 0 ? 0 : random.nextInt(data.length + 1);
            long first = crc(data, 0, cut);
            long second = crc(data, cut, data.length);
            assertThat(Crc32Combine.combine(first, second, data.length - cut))
                    .as("length %d cut at %d", data.length, cut)
                    .isEqualTo(crc(data, 0, data.length));
        }
    }

    @Test
    void threePartsAsASheetIsAssembled() {
        byte[] before = "<worksheet><sheetData>".getBytes();
        byte[] rows = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Grünwald</t></is></c></row>".repeat(1000).getBytes();
        byte[] after = "</sheetData></worksheet>".getBytes();
        CRC32 whole = new CRC32();
        whole.update(before);
        whole.update(rows);
        whole.update(after);
        long combined = Crc32Combine.combine(Crc32Combine.combine(crc(before, 0, before.length),
                crc(rows, 0, rows.length), rows.length), crc(after, 0, after.length), after.length);
        assertThat(combined).isEqualTo(whole.getValue());
    }

    @Test
    void anEmptySecondPartLeavesTheFirstCrc() {
        assertThat(Crc32Combine.combine(0x1234_5678L, 0, 0)).isEqualTo(0x1234_5678L);
    }

    private static long crc(byte[] data, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(data, from, to - from);
        return crc.getValue();
    }
}
