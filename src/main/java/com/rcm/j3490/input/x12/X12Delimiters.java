package com.rcm.j3490.input.x12;

/** The separators of one interchange: from its ISA, or sniffed from a bare ST. */
public record X12Delimiters(char element, char component, char repetition, char segment) {
}
