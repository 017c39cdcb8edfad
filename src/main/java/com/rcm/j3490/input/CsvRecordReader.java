package com.rcm.j3490.input;

import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.RFC4180ParserBuilder;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one CSV-reading path for every input: RFC 4180 via opencsv, header matched by name,
 * blank lines ignored, each record with its first line number and its raw text. Streams the
 * file; nothing but the current record is held.
 */
public final class CsvRecordReader implements AutoCloseable {
    private final String fileName;
    private final LineCapturingReader lines;
    private final CSVReader csv;
    private final HeaderIndex header;
    private boolean finished;

    private CsvRecordReader(Reader in, String fileName, String description, InputKind kind) {
        this.fileName = fileName;
        this.lines = new LineCapturingReader(in);
        this.csv = new CSVReaderBuilder(lines)
                .withCSVParser(new RFC4180ParserBuilder().build())
                .withKeepCarriageReturn(false)
                .build();
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
        Reader in;
        try {
            in = new InputStreamReader(Files.newInputStream(path), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputFileException(kind.label() + " file " + path + " does not exist");
        } catch (IOException e) {
            throw new InputFileException("cannot read " + kind.label() + " file " + path + ": " + e.getMessage(), e);
        }
        return new CsvRecordReader(in, path.getFileName().toString(), path.toString(), kind);
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
     * the header's is still returned; {@link #checkWidth(CsvRecord)} rejects it.
     */
    public CsvRecord next() {
        while (!finished) {
            lines.startRecord();
            String[] fields;
            try {
                fields = csv.readNext();
            } catch (CsvException | CsvMalformedLineException e) {
                // an unterminated quote: the record runs to the end of the file; reject it as a row
                finished = true;
                return new CsvRecord(fileName, lines.recordStartLine(), new String[0], lines.recordText(), header);
            } catch (IOException e) {
                throw new InputFileException("cannot read file " + fileName + " at line "
                        + lines.recordStartLine() + ": " + e.getMessage(), e);
            }
            if (fields == null) {
                finished = true;
                return null;
            }
            if (fields.length == 1 && fields[0].isBlank()) {
                continue;
            }
            return new CsvRecord(fileName, lines.recordStartLine(), fields, lines.recordText(), header);
        }
        return null;
    }

    /** Rejects a record whose field count is not the header's (an unquoted comma shifts every column). */
    public static void checkWidth(CsvRecord record) {
        int width = record.header().width();
        if (record.fields().length == 0) {
            throw new RowRejectedException("unterminated quoted field");
        }
        if (record.fields().length != width) {
            throw new RowRejectedException("row has " + record.fields().length + " fields, header has " + width
                    + " (an amount with a comma must be quoted)");
        }
    }

    private String[] readHeader(String path, InputKind kind) {
        try {
            String[] row;
            do {
                row = csv.readNext();
            } while (row != null && row.length == 1 && row[0].isBlank());
            if (row == null) {
                closeQuietly();
                throw new InputFileException(kind.label() + " file " + path + " is empty: it has no header row");
            }
            return row;
        } catch (IOException | CsvException e) {
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
        csv.close();
    }

    /** Records the physical lines opencsv reads, so each record keeps its raw text and first line number. */
    private static final class LineCapturingReader extends BufferedReader {
        private final List<String> recordLines = new ArrayList<>(2);
        private long linesRead;
        private long recordStart = 1;

        LineCapturingReader(Reader in) {
            super(in, 1 << 16);
        }

        void startRecord() {
            recordLines.clear();
            recordStart = linesRead + 1;
        }

        long recordStartLine() {
            return recordStart;
        }

        String recordText() {
            return String.join("\n", recordLines);
        }

        @Override
        public String readLine() throws IOException {
            String line = super.readLine();
            if (line != null) {
                linesRead++;
                if (linesRead == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1);
                }
                recordLines.add(line);
            }
            return line;
        }
    }
}
