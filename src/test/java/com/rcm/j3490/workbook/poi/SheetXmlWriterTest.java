package com.rcm.j3490.workbook.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SheetXmlWriterTest {

    @Test
    void encodesUtf8AcrossBufferBoundariesIncludingSurrogatePairs() throws Exception {
        StringBuilder expected = new StringBuilder();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SheetXmlWriter writer = new SheetXmlWriter(bytes)) {
            for (int i = 0; i < 20_000; i++) {
                String piece = switch (i % 4) {
                    case 0 -> "<c r=\"A" + i + "\">";
                    case 1 -> "Zoë \u00e9";
                    case 2 -> "\ud83d\udc8a"; // a pair: must not be split at a buffer boundary
                    default -> "\u20ac";
                };
                expected.append(piece);
                if (i % 7 == 0) {
                    for (char c : piece.toCharArray()) {
                        writer.write(c);
                    }
                } else if (i % 7 == 1) {
                    writer.write(piece.toCharArray(), 0, piece.length());
                } else {
                    writer.write(piece);
                }
                if (i % 1000 == 0) {
                    writer.flush();
                }
            }
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(expected.toString());
    }

    @Test
    void loneSurrogateBecomesAQuestionMarkAsWithOutputStreamWriter() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (SheetXmlWriter writer = new SheetXmlWriter(bytes)) {
            writer.write("a\ud83db");
            writer.write('\ud83d');
        }
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a?b?");
    }
}
