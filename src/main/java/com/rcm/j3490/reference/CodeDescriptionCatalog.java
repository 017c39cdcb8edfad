package com.rcm.j3490.reference;

import com.rcm.j3490.input.Columns;
import com.rcm.j3490.input.CsvRecord;
import com.rcm.j3490.input.CsvRecordReader;
import com.rcm.j3490.input.InputKind;
import com.rcm.j3490.rules.CodeDescriptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CARC, RARC and group-code descriptions: the project's own plain-language list shipped in
 * the jar, overridden code by code by a user's licensed full list when one is configured.
 * CARCs and RARCs never share a code (RARCs start with M or N), so one map holds both.
 */
public final class CodeDescriptionCatalog implements CodeDescriptions {
    private static final String[] SHIPPED = {
        "reference/carc-descriptions.csv", "reference/rarc-descriptions.csv", "reference/group-codes.csv"};

    private final Map<String, String> descriptions;

    private CodeDescriptionCatalog(Map<String, String> descriptions) {
        this.descriptions = descriptions;
    }

    /** @param userFile a licensed list (code, description), or null */
    public static CodeDescriptionCatalog load(Path userFile) {
        Map<String, String> map = new HashMap<>();
        for (String resource : SHIPPED) {
            InputStream in = CodeDescriptionCatalog.class.getClassLoader().getResourceAsStream(resource);
            if (in != null) {
                readInto(CsvRecordReader.open(new InputStreamReader(in, StandardCharsets.UTF_8), resource,
                        InputKind.CODE_DESCRIPTIONS), map);
            }
        }
        if (userFile != null) {
            readInto(CsvRecordReader.open(userFile, InputKind.CODE_DESCRIPTIONS), map);
        }
        return new CodeDescriptionCatalog(Map.copyOf(map));
    }

    private static void readInto(CsvRecordReader reader, Map<String, String> map) {
        try (reader) {
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                String code = r.peek(Columns.CODE);
                String description = r.text(Columns.DESCRIPTION);
                if (code != null && description != null) {
                    map.put(code.toUpperCase(Locale.ROOT), description);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String carc(String carc) {
        return describe(carc);
    }

    @Override
    public String rarc(String rarc) {
        return describe(rarc);
    }

    /** Group code (CO, PR, ...) explanation. */
    public String group(String group) {
        return describe(group);
    }

    private String describe(String code) {
        return code == null ? NOT_AVAILABLE : descriptions.getOrDefault(code.toUpperCase(Locale.ROOT), NOT_AVAILABLE);
    }
}
