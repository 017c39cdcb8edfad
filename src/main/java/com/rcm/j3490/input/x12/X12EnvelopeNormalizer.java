package com.rcm.j3490.input.x12;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Feeds StAEDI a stream it accepts, without loading the file: every ISA is re-padded to its
 * fixed element widths (some Medicaid senders trim the padding, which StAEDI refuses), and a
 * bare transaction set (a file starting {@code ST*835} or {@code ST*837}, no ISA) is wrapped in a
 * synthetic ISA/GS ... GE/IEA built from its sniffed delimiters. Everything else passes through
 * byte for byte. {@link #syntheticSegments()} tells the reader how many segments it added in
 * front, so segment positions still count the file's own segments.
 *
 * <p>Only the start of each segment is looked at byte by byte (ISA, a broken tag); the rest of a
 * segment, up to its terminator, is copied to the parser in blocks: handing StAEDI one byte per
 * call was most of the time it took to read a file.
 */
final class X12EnvelopeNormalizer extends InputStream {
    /** Widths of ISA01..ISA16. */
    private static final int[] ISA_WIDTHS = {2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1};
    private static final int SNIFF_LIMIT = 8192;

    private final Bytes in;
    private final String fileName;
    private byte[] pending = new byte[0];
    private int pendingPos;
    private boolean atSegmentStart = true;
    private boolean started;
    private int terminator = -1;
    private boolean bare;
    private boolean trailerWritten;
    private X12Delimiters delimiters;

    X12EnvelopeNormalizer(InputStream in, String fileName) {
        this.in = new Bytes(in);
        this.fileName = fileName;
    }

    /** Segments added before the file's first one (a bare ST gets a synthetic ISA and GS). */
    int syntheticSegments() {
        return bare ? 2 : 0;
    }

    /** Delimiters of the first interchange, known once reading has started. */
    X12Delimiters delimiters() {
        return delimiters;
    }

    /** Reads the start of the stream (BOM and blanks skipped) and decides how to present it. */
    void start() throws IOException {
        if (started) {
            return;
        }
        started = true;
        int c = in.read();
        if (c == 0xEF) {
            int b2 = in.read();
            int b3 = in.read();
            if (b2 != 0xBB || b3 != 0xBF) {
                throw notX12();
            }
            c = in.read();
        }
        while (c != -1 && Character.isWhitespace(c)) {
            c = in.read();
        }
        if (c == -1) {
            throw notX12();
        }
        byte[] head = new byte[SNIFF_LIMIT];
        head[0] = (byte) c;
        int n = 1 + readUpTo(head, 1, SNIFF_LIMIT - 1);
        String text = new String(head, 0, n, StandardCharsets.ISO_8859_1);
        in.unread(head, 0, n);
        if (text.startsWith("ISA") && text.length() > 3) {
            return; // normalised segment by segment in read()
        }
        if (text.startsWith("ST") && text.length() > 6 && !Character.isLetterOrDigit(text.charAt(2))
                && (text.startsWith("835", 3) || text.startsWith("837", 3))) {
            bare = true;
            delimiters = sniff(text);
            terminator = delimiters.segment();
            pending = syntheticHeader(delimiters, text.substring(3, 6)).getBytes(StandardCharsets.ISO_8859_1);
            return;
        }
        throw notX12();
    }

    private int readUpTo(byte[] buffer, int offset, int max) throws IOException {
        int total = 0;
        while (total < max) {
            int r = in.read(buffer, offset + total, max - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    @Override
    public int read() throws IOException {
        start();
        if (pendingPos < pending.length) {
            return pending[pendingPos++] & 0xFF;
        }
        int c = in.read();
        if (c == -1) {
            if (bare && !trailerWritten) {
                trailerWritten = true;
                char e = delimiters.element();
                char s = delimiters.segment();
                pending = ("GE" + e + "1" + e + "1" + s + "IEA" + e + "1" + e + "000000001" + s)
                        .getBytes(StandardCharsets.ISO_8859_1);
                pendingPos = 0;
                return read();
            }
            return -1;
        }
        if (atSegmentStart && c == 'I') {
            byte[] next = new byte[2];
            int r = readUpTo(next, 0, 2);
            if (r == 2 && next[0] == 'S' && next[1] == 'A') {
                pending = normaliseIsa().getBytes(StandardCharsets.ISO_8859_1);
                pendingPos = 0;
                atSegmentStart = true;
                return read();
            }
            if (r > 0) {
                in.unread(next, 0, r);
            }
        }
        if (atSegmentStart && delimiters != null && !Character.isWhitespace(c) && c != terminator) {
            return checkTag(c);
        }
        if (c == terminator) {
            atSegmentStart = true;
        } else if (!(atSegmentStart && Character.isWhitespace(c))) {
            atSegmentStart = false;
        }
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        start();
        int count = 0;
        while (count < len) {
            if (pendingPos < pending.length) {
                int n = Math.min(len - count, pending.length - pendingPos);
                System.arraycopy(pending, pendingPos, b, off + count, n);
                pendingPos += n;
                count += n;
                continue;
            }
            if (!atSegmentStart && terminator >= 0) {
                // inside a segment: everything up to its terminator passes through as it is
                int n = in.copyThrough(terminator, b, off + count, len - count);
                if (n > 0) {
                    count += n;
                    if ((b[off + count - 1] & 0xFF) == terminator) {
                        atSegmentStart = true;
                    }
                    continue;
                }
            }
            int c = read();
            if (c == -1) {
                return count == 0 ? -1 : count;
            }
            b[off + count++] = (byte) c;
        }
        return count;
    }

    /**
     * A segment whose tag is not 2-3 letters/digits (a sender's broken segment, e.g. text cut off
     * a PLB) would stop StAEDI; it is passed on as a {@code BAD} segment instead, so the rest of
     * the file reads, positions still count it, and a service loop holding it is rejected.
     */
    private int checkTag(int first) throws IOException {
        StringBuilder tag = new StringBuilder().append((char) first);
        int c;
        while ((c = in.read()) != -1 && c != delimiters.element() && c != terminator && tag.length() <= 3) {
            tag.append((char) c);
        }
        boolean valid = tag.length() >= 2 && tag.length() <= 3 && Character.isLetter(tag.charAt(0))
                && tag.chars().allMatch(Character::isLetterOrDigit)
                && (c == delimiters.element() || c == terminator);
        if (valid) {
            if (c != -1) {
                tag.append((char) c);
            }
            atSegmentStart = c == terminator;
            pending = tag.substring(1).getBytes(StandardCharsets.ISO_8859_1);
            pendingPos = 0;
            return first;
        }
        while (c != -1 && c != terminator) {
            c = in.read();
        }
        pending = ("AD" + (char) terminator).getBytes(StandardCharsets.ISO_8859_1);
        pendingPos = 0;
        atSegmentStart = true;
        return 'B';
    }

    /** Reads an ISA after its tag and returns it re-padded, with the terminator that follows ISA16. */
    private String normaliseIsa() throws IOException {
        int separator = in.read();
        if (separator == -1 || Character.isLetterOrDigit(separator)) {
            throw badIsa();
        }
        char sep = (char) separator;
        StringBuilder out = new StringBuilder(110).append("ISA");
        String[] elements = new String[16];
        for (int i = 0; i < 15; i++) {
            StringBuilder element = new StringBuilder();
            int c;
            while ((c = in.read()) != separator) {
                if (c == -1 || element.length() > 40) {
                    throw badIsa();
                }
                element.append((char) c);
            }
            elements[i] = element.toString();
        }
        int componentSeparator = in.read();
        int segmentTerminator = in.read();
        if (componentSeparator == -1 || segmentTerminator == -1) {
            throw badIsa();
        }
        elements[15] = String.valueOf((char) componentSeparator);
        for (int i = 0; i < 16; i++) {
            String value = elements[i];
            int width = ISA_WIDTHS[i];
            if (i == 12) {
                value = value.trim();
                value = "0".repeat(Math.max(0, width - value.length())) + value; // control number: N0 9
            } else if (value.length() < width) {
                value = value + " ".repeat(width - value.length());
            }
            out.append(sep).append(value);
        }
        out.append((char) segmentTerminator);
        terminator = segmentTerminator;
        if (delimiters == null) {
            char repetition = elements[11].trim().startsWith("004") ? '\u0000' : elements[10].charAt(0);
            delimiters = new X12Delimiters(sep, (char) componentSeparator, repetition, (char) segmentTerminator);
        }
        return out.toString();
    }

    /** Delimiters of a bare ST: element separator after "ST", terminator after ST's elements, component from an SVC/SV1 composite. */
    private X12Delimiters sniff(String text) {
        char element = text.charAt(2);
        char segment = 0;
        for (int i = 3; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != element && !Character.isLetterOrDigit(c) && c != ' ' && c != '.' && c != '-') {
                segment = c;
                break;
            }
        }
        if (segment == 0) {
            throw new X12FormatException("X12 file " + fileName + ": cannot find the segment terminator of its ST segment");
        }
        char component = ':';
        for (String qualifier : new String[] {"HC", "HP", "N4", "NU", "AD", "ER", "WK", "IV", "ZZ"}) {
            int at = text.indexOf(element + qualifier);
            if (at >= 0 && at + 3 < text.length()) {
                char c = text.charAt(at + 3);
                if (c != element && c != segment && !Character.isLetterOrDigit(c) && c != ' ') {
                    component = c;
                    break;
                }
            }
        }
        char repetition = '^';
        if (repetition == element || repetition == segment || repetition == component) {
            repetition = '{';
        }
        return new X12Delimiters(element, component, repetition, segment);
    }

    private static String syntheticHeader(X12Delimiters d, String transaction) {
        char e = d.element();
        char s = d.segment();
        String version = transaction.equals("835") ? "005010X221A1" : "005010X222A1";
        String functional = transaction.equals("835") ? "HP" : "HC";
        return "ISA" + e + "00" + e + " ".repeat(10) + e + "00" + e + " ".repeat(10) + e + "ZZ" + e + pad("BARE-ST", 15)
                + e + "ZZ" + e + pad("BARE-ST", 15) + e + "000101" + e + "0000" + e + d.repetition() + e + "00501" + e
                + "000000001" + e + "0" + e + "P" + e + d.component() + s
                + "GS" + e + functional + e + "BARE" + e + "BARE" + e + "20000101" + e + "0000" + e + "1" + e + "X" + e + version + s;
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }

    private X12FormatException notX12() {
        return new X12FormatException("file " + fileName + " is not X12: it does not start with ISA or ST*835/ST*837");
    }

    private X12FormatException badIsa() {
        return new X12FormatException("X12 file " + fileName + ": its ISA segment cannot be read");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /**
     * The file's bytes through one buffer, with bytes pushed back (the sniffed start, a look-ahead
     * that was not an ISA) read again first.
     */
    private static final class Bytes {
        private final InputStream in;
        private final byte[] buffer = new byte[1 << 16];
        private int pos;
        private int limit;
        private byte[] back = new byte[0];
        private int backPos;

        Bytes(InputStream in) {
            this.in = in;
        }

        int read() throws IOException {
            if (backPos < back.length) {
                return back[backPos++] & 0xFF;
            }
            if (pos == limit && !fill()) {
                return -1;
            }
            return buffer[pos++] & 0xFF;
        }

        int read(byte[] b, int off, int len) throws IOException {
            int c = read();
            if (c == -1) {
                return -1;
            }
            b[off] = (byte) c;
            int n = 1;
            while (n < len && backPos < back.length) {
                b[off + n++] = back[backPos++];
            }
            int fromBuffer = Math.min(len - n, limit - pos);
            System.arraycopy(buffer, pos, b, off + n, fromBuffer);
            pos += fromBuffer;
            return n + fromBuffer;
        }

        void unread(byte[] b, int off, int len) {
            byte[] rest = Arrays.copyOfRange(back, backPos, back.length);
            byte[] joined = new byte[len + rest.length];
            System.arraycopy(b, off, joined, 0, len);
            System.arraycopy(rest, 0, joined, len, rest.length);
            back = joined;
            backPos = 0;
        }

        /** Copies bytes up to and including the first {@code stop}, at most {@code max}; 0 at the end of the input. */
        int copyThrough(int stop, byte[] b, int off, int max) throws IOException {
            if (backPos < back.length) {
                return 0; // rare (after a look-ahead): byte by byte
            }
            if (pos == limit && !fill()) {
                return 0;
            }
            byte s = (byte) stop;
            int end = Math.min(limit, pos + max);
            int i = pos;
            while (i < end && buffer[i] != s) {
                i++;
            }
            if (i < end) {
                i++;
            }
            int n = i - pos;
            System.arraycopy(buffer, pos, b, off, n);
            pos = i;
            return n;
        }

        private boolean fill() throws IOException {
            int r;
            do {
                r = in.read(buffer, 0, buffer.length);
            } while (r == 0);
            if (r < 0) {
                pos = limit = 0;
                return false;
            }
            pos = 0;
            limit = r;
            return true;
        }

        void close() throws IOException {
            in.close();
        }
    }
}
