package com.rcm.j3490.input;

import com.opencsv.ICSVParser;
import com.opencsv.RFC4180ParserBuilder;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The one CSV-reading path for every input: RFC 4180 via opencsv's parser, header matched by
 * name, blank lines ignored, each record with its first line number and its raw text. Streams
 * the file; nothing but the current record is held.
 *
 * <p>Physical lines are fed to opencsv's {@link ICSVParser} one at a time, so an unbalanced
 * quote cannot swallow the rest of the file: a quoted field may run over at most
 * {@value #MAX_RECORD_LINES} physical lines, and must not swallow a line that is on its own a
 * complete row of the header's width. A record that breaks either rule (or whose quote is never
 * closed) is returned as a rejected record made of its first line only, and reading resumes at
 * the next physical line. A quote inside an unquoted field ({@code 5" vial}) rejects the row too.
 */
public final class CsvRecordReader implements AutoCloseable {
    /** Most physical lines one record may span (RFC 4180 quoted line breaks). */
    public static final int MAX_RECORD_LINES = 10;
    /** Narrower files (e.g. code descriptions) may hold legitimate multi-line text with commas. */
    private static final int MIN_WIDTH_FOR_SWALLOW_CHECK = 3;
    private static final String[] UNBALANCED = new String[0];
    /** How much of a file's start is checked for signs of another encoding. */
    private static final int ENCODING_SNIFF_BYTES = 8192;

    private final String fileName;
    private final BufferedReader in;
    /** Lines read ahead by a record that was rejected, to be read again. */
    private final Deque<String> replay = new ArrayDeque<>();
    private ICSVParser parser = newParser();
    private long linesRead;
    private final HeaderIndex header;
    private boolean finished;

    private CsvRecordReader(Reader in, String fileName, String description, InputKind kind) {
        this.fileName = fileName;
        this.in = new BufferedReader(in, 1 << 16);
        String[] headerRow = readHeader(description, kind);
        this.header = new HeaderIndex(headerRow);
        List<String> missing = header.missing(kind.requiredColumns());
        if (!missing.isEmpty()) {
            closeQuietly();
            throw new InputFileException(kind.label() + " file " + description + " lacks required column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing));
        }
    }

    /** Opens a file and checks its header; throws {@link InputFileException} when it cannot. */
    public static CsvRecordReader open(Path path, InputKind kind) {
        if (Files.exists(path) || Files.isSymbolicLink(path)) {
            InputFiles.checkReadableFile(path, kind);
        }
        Reader in;
        try {
            BufferedInputStream bytes = new BufferedInputStream(Files.newInputStream(path), 1 << 16);
            String encodingProblem = encodingProblem(bytes);
            if (encodingProblem != null) {
                bytes.close();
                throw new InputFileException(kind.label() + " file " + path + " is not UTF-8 text (" + encodingProblem
                        + "); save it as CSV UTF-8");
            }
            in = new InputStreamReader(bytes, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputFileException(kind.label() + " file " + path + " does not exist");
        } catch (IOException e) {
            throw new InputFileException("cannot read " + kind.label() + " file " + path + ": " + e.getMessage(), e);
        }
        return new CsvRecordReader(in, path.getFileName().toString(), path.toString(), kind);
    }

    /**
     * What shows at the start of the file that it is not UTF-8 text, or null: a UTF-16
     * byte-order mark, or NUL bytes (UTF-16 without a mark, a spreadsheet, any binary file).
     */
    private static String encodingProblem(BufferedInputStream in) throws IOException {
        byte[] head = new byte[ENCODING_SNIFF_BYTES];
        in.mark(head.length);
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return "it starts with a UTF-16LE byte-order mark";
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return "it starts with a UTF-16BE byte-order mark";
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return "it holds NUL bytes: looks like UTF-16 or a binary file such as .xlsx";
            }
        }
        return null;
    }

    /** Reads CSV from any reader, e.g. a classpath resource; {@code name} is shown in errors. */
    public static CsvRecordReader open(Reader in, String name, InputKind kind) {
        return new CsvRecordReader(in, name, name, kind);
    }

    public String fileName() {
        return fileName;
    }

    public HeaderIndex header() {
        return header;
    }

    /**
     * The next non-blank record, or null at the end. A record whose field count differs from
     * the header's, or whose quotes do not balance, is still returned;
     * {@link #checkWidth(CsvRecord)} rejects it.
     */
    public CsvRecord next() {
        try {
            return readRecord(header.width());
        } catch (IOException e) {
            throw new InputFileException("cannot read file " + fileName + " after line " + linesRead + ": "
                    + e.getMessage(), e);
        }
    }

    /** Rejects a record whose quotes do not balance, or whose field count is not the header's (an unquoted comma shifts every column). */
    public static void checkWidth(CsvRecord record) {
        int width = record.header().width();
        if (record.fields().length == 0) {
            throw new RowRejectedException("unbalanced quote: a quoted field is not closed within "
                    + MAX_RECORD_LINES + " lines, or runs into the next row (only this line is rejected)");
        }
        if (record.fields().length != width) {
            throw new RowRejectedException("row has " + record.fields().length + " fields, header has " + width
                    + " (an amount with a comma must be quoted)");
        }
        if (hasStrayQuote(record)) {
            throw new RowRejectedException("a quote inside an unquoted field (quote the whole field and double the quote: "
                    + "\"5\"\" vial\")");
        }
    }

    /**
     * A field holds a quote although the line has no doubled quote, the only way RFC 4180 puts
     * one in a value: a stray quote, which opencsv keeps as text or reads as an opening quote
     * depending on what follows it. Rejected either way, so the outcome never depends on that.
     */
    private static boolean hasStrayQuote(CsvRecord record) {
        for (String field : record.fields()) {
            if (field.indexOf('"') >= 0) {
                return !record.raw().contains("\"\"");
            }
        }
        return false;
    }

    /** @param width the header's width, or 0 while reading the header itself */
    private CsvRecord readRecord(int width) throws IOException {
        while (!finished) {
            String first = nextLine();
            if (first == null) {
                finished = true;
                return null;
            }
            long start = linesRead - replay.size();
            String[] fields = parser.parseLineMulti(first);
            if (!parser.isPending()) {
                if (fields.length == 1 && fields[0].isBlank()) {
                    continue;
                }
                return new CsvRecord(fileName, start, fields, first, header);
            }
            List<String> lines = new ArrayList<>(4);
            lines.add(first);
            while (parser.isPending()) {
                String line = lines.size() < MAX_RECORD_LINES ? nextLine() : null;
                if (line == null) {
                    return unbalanced(start, lines);
                }
                lines.add(line);
                String[] more = parser.parseLineMulti(line);
                fields = concat(fields, more);
            }
            if (swallowsARow(lines, width)) {
                return unbalanced(start, lines);
            }
            return new CsvRecord(fileName, start, fields, String.join("\n", lines), header);
        }
        return null;
    }

    /** The record's first line as a rejected record; its other lines are read again. */
    private CsvRecord unbalanced(long start, List<String> lines) {
        parser = newParser();
        for (int i = lines.size() - 1; i >= 1; i--) {
            replay.addFirst(lines.get(i));
        }
        return new CsvRecord(fileName, start, UNBALANCED, lines.get(0), header);
    }

    /** True when a continuation line is, read alone, a complete row: a stray quote swallowed it. */
    private static boolean swallowsARow(List<String> lines, int width) throws IOException {
        if (width < MIN_WIDTH_FOR_SWALLOW_CHECK) {
            return false;
        }
        for (int i = 1; i < lines.size(); i++) {
            ICSVParser alone = newParser();
            String[] fields = alone.parseLineMulti(lines.get(i));
            if (!alone.isPending() && fields.length == width) {
                return true;
            }
        }
        return false;
    }

    private String nextLine() throws IOException {
        if (!replay.isEmpty()) {
            return replay.removeFirst();
        }
        String line = in.readLine();
        if (line != null) {
            linesRead++;
            if (linesRead == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
        }
        return line;
    }

    private static ICSVParser newParser() {
        return new RFC4180ParserBuilder().build();
    }

    private static String[] concat(String[] a, String[] b) {
        if (a.length == 0) {
            return b;
        }
        String[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private String[] readHeader(String path, InputKind kind) {
        try {
            CsvRecord row = readRecord(0);
            if (row == null) {
                closeQuietly();
                throw new InputFileException(kind.label() + " file " + path + " is empty: it has no header row");
            }
            if (row.fields() == UNBALANCED) {
                closeQuietly();
                throw new InputFileException(kind.label() + " file " + path + " has an unbalanced quote in its header row");
            }
            return row.fields();
        } catch (IOException e) {
            closeQuietly();
            throw new InputFileException("cannot read the header of " + kind.label() + " file " + path + ": "
                    + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException ignored) {
            // already failing with a clearer message
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
