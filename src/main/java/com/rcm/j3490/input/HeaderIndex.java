package com.rcm.j3490.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Column positions of one file, looked up by normalised column name. */
public final class HeaderIndex {
    private final Map<String, Integer> positions = new HashMap<>();
    private final int width;

    public HeaderIndex(String[] header) {
        this.width = header.length;
        for (int i = 0; i < header.length; i++) {
            positions.putIfAbsent(Columns.normalise(header[i]), i);
        }
    }

    public int width() {
        return width;
    }

    public boolean has(String column) {
        return positions.containsKey(column);
    }

    public List<String> missing(List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String column : required) {
            if (!has(column)) {
                missing.add(column);
            }
        }
        return missing;
    }

    String value(String[] fields, String column) {
        Integer i = positions.get(column);
        if (i == null || i >= fields.length) {
            return null;
        }
        String v = fields[i].trim();
        return v.isEmpty() ? null : v;
    }
}
