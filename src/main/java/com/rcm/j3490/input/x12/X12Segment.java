package com.rcm.j3490.input.x12;

import java.util.List;

/**
 * One X12 segment as the parser delivered it: its tag, its elements (each a list of components;
 * a simple element has one) and its position in the file (segments counted from 1).
 */
public record X12Segment(String tag, List<List<String>> elements, long position, String raw) {

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
