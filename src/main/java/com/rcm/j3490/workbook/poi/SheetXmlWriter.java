package com.rcm.j3490.workbook.poi;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The writer a streamed sheet's XML goes through: POI's {@code SheetDataWriter} writes every
 * tag, attribute and escaped character as a separate small write. Through its default
 * {@code BufferedWriter} over an {@code OutputStreamWriter} each of them takes a lock and a few
 * calls (a fifth of the All Lines thread's samples at 1M lines). One sheet is written by one
 * thread, so this writer takes no lock: characters are copied into a buffer and encoded to UTF-8
 * by the JDK's encoder a buffer at a time. Malformed surrogates become {@code ?}, as with
 * {@code OutputStreamWriter}.
 */
final class SheetXmlWriter extends Writer {
    private final OutputStream out;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final char[] chars = new char[16 * 1024];
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * 16 * 1024 + 16);
    private int count;
    private boolean closed;

    SheetXmlWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int c) throws IOException {
        if (count == chars.length) {
            encode(false);
        }
        chars[count++] = (char) c;
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        while (len > 0) {
            if (count == chars.length) {
                encode(false);
            }
            int n = Math.min(len, chars.length - count);
            s.getChars(off, off + n, chars, count);
            count += n;
            off += n;
            len -= n;
        }
    }

    @Override
    public void write(char[] c, int off, int len) throws IOException {
        while (len > 0) {
            if (count == chars.length) {
                encode(false);
            }
            int n = Math.min(len, chars.length - count);
            System.arraycopy(c, off, chars, count, n);
            count += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Encodes the buffered characters. A high surrogate at the end of the buffer waits for its
     * pair unless this is the end of the input.
     */
    private void encode(boolean endOfInput) throws IOException {
        CharBuffer in = CharBuffer.wrap(chars, 0, count);
        CoderResult result = encoder.encode(in, bytes, endOfInput);
        if (result.isError()) {
            throw new CharacterCodingException(); // cannot happen with REPLACE
        }
        if (endOfInput) {
            encoder.flush(bytes);
        }
        out.write(bytes.array(), 0, bytes.position());
        bytes.clear();
        int left = in.remaining(); // 0, or a lone high surrogate at the end
        System.arraycopy(chars, in.position(), chars, 0, left);
        count = left;
    }

    /** Passes the characters on; the stream decides whether to flush further. */
    @Override
    public void flush() throws IOException {
        encode(false);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            encode(true);
        } finally {
            out.close();
        }
    }
}
