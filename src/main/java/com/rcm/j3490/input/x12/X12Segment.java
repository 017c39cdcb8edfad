package com.rcm.j3490.input.x12;

import java.util.List;

/**
 * One X12 segment as the parser delivered it: its tag, its elements (each a list of components;
 * a simple element has one) and its position in the file (segments counted from 1). Its text is
 * built only when asked for ({@link #raw}): only the 835's service-line loops are shown (Rejected
 * Rows), and building every segment's text was a few percent of a night.
 */
public record X12Segment(String tag, List<List<String>> elements, long position) {

    /** The segment as text with standard delimiters ({@code *}, {@code :}, {@code ~}), trailing empty elements left out. */
    public String raw() {
        return appendRaw(new StringBuilder(64)).toString();
    }

    /** {@link #raw()} appended to {@code out} (no text of its own is built); returns {@code out}. */
    public StringBuilder appendRaw(StringBuilder out) {
        out.append(tag);
        int tagEnd = out.length();
        for (List<String> components : elements) {
            out.append('*');
            for (int c = 0; c < components.size(); c++) {
                if (c > 0) {
                    out.append(':');
                }
                out.append(components.get(c));
            }
        }
        int end = out.length();
        while (end > tagEnd && (out.charAt(end - 1) == '*' || out.charAt(end - 1) == ':')) {
            end--;
        }
        out.setLength(end);
        return out.append('~');
    }

    /** Element {@code n} (1-based), its first component; "" when absent. */
    public String element(int n) {
        return component(n, 1);
    }

    /** Component {@code c} (1-based) of element {@code n} (1-based); "" when absent. */
    public String component(int n, int c) {
        if (n < 1 || n > elements.size()) {
            return "";
        }
        List<String> components = elements.get(n - 1);
        return c < 1 || c > components.size() ? "" : components.get(c - 1);
    }

    /** How many components element {@code n} has (0 when absent). */
    public int componentCount(int n) {
        return n < 1 || n > elements.size() ? 0 : elements.get(n - 1).size();
    }

    public int elementCount() {
        return elements.size();
    }

    public boolean is(String tag, String qualifier) {
        return this.tag.equals(tag) && element(1).equals(qualifier);
    }
}
