package com.rcm.j3490.input.x12;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Recognises X12 by content (contract 5.1): first non-blank characters {@code ISA}, or {@code ST*835} / {@code ST*837}. */
public final class X12Files {
    private static final int PEEK = 4096;

    private X12Files() {
    }

    public static boolean isX12(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return isX12(in.readNBytes(PEEK));
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isX12(byte[] head) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        int i = text.startsWith("\u00EF\u00BB\u00BF") ? 3 : 0;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        String start = text.substring(i);
        if (start.startsWith("ISA") && start.length() > 3 && !Character.isLetterOrDigit(start.charAt(3))) {
            return true;
        }
        return start.length() > 5 && start.startsWith("ST") && !Character.isLetterOrDigit(start.charAt(2))
                && (start.startsWith("835", 3) || start.startsWith("837", 3));
    }
}
