package com.rcm.j3490.workbook.poi;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.InflaterInputStream;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SheetDataWriter;

/**
 * A sheet's rows, compressed while they are written: the temporary file holds raw deflate data
 * (ending on a sync flush, so it can be followed by more), with the CRC and the length of the
 * XML it stands for. The workbook then copies it into the zip as it is
 * ({@link SheetCompressingWorkbook}) instead of compressing a whole workbook's sheets on one
 * thread at the end; each sheet is compressed on the thread that writes its rows.
 */
final class DeflatingSheetDataWriter extends SheetDataWriter {
    /** An empty final deflate block: appended when the data is read back on its own. */
    private static final byte[] FINAL_EMPTY_BLOCK = {0x03, 0x00};

    /** Set from the superclass constructor (through {@link #decorateOutputStream}); no initializer, on purpose. */
    private DeflatingOutputStream deflating;

    DeflatingSheetDataWriter() throws IOException {
        super(); // inline strings: no shared strings table
    }

    /** Each row's XML, built in one buffer (initialised after the superclass constructor, which writes no row). */
    private final RowXml rowXml = new RowXml();
    // POI keeps these for the rows its writeRow wrote; the sheet asks for them (first and last row numbers)
    private int flushedRows;
    private int lowestFlushedRow;
    private int cellsOfLastFlushedRow;
    private int lastFlushedRow = -1; // as POI starts it: no row yet

    /** The row's XML in one write ({@link RowXml}); a row it does not build is POI's to write. */
    @Override
    public void writeRow(int rownum, SXSSFRow row) throws IOException {
        if (rowXml.build(rownum, row)) {
            write(rownum, row.getLastCellNum(), rowXml);
        } else {
            counted(rownum, row.getLastCellNum());
            super.writeRow(rownum, row);
        }
    }

    /** A row built without SXSSF's objects ({@link DirectRows}); {@code lastCellNum} as {@code Row.getLastCellNum}. */
    void write(int rownum, int lastCellNum, RowXml xml) throws IOException {
        counted(rownum, lastCellNum);
        _out.write(xml.chars(), 0, xml.length());
    }

    private void counted(int rownum, int lastCellNum) {
        if (flushedRows == 0) {
            lowestFlushedRow = rownum;
        }
        lastFlushedRow = Math.max(rownum, lastFlushedRow);
        cellsOfLastFlushedRow = lastCellNum;
        flushedRows++;
    }

    @Override
    public int getNumberOfFlushedRows() {
        return flushedRows;
    }

    @Override
    public int getNumberOfCellsOfLastFlushedRow() {
        return cellsOfLastFlushedRow;
    }

    @Override
    public int getLowestIndexOfFlushedRows() {
        return lowestFlushedRow;
    }

    @Override
    public int getLastFlushedRow() {
        return lastFlushedRow;
    }

    /** POI's own writer is a {@code BufferedWriter} over an {@code OutputStreamWriter}: see {@link SheetXmlWriter}. */
    @Override
    public Writer createWriter(File fd) throws IOException {
        FileOutputStream fos = new FileOutputStream(fd);
        return new SheetXmlWriter(decorateOutputStream(fos));
    }

    @Override
    protected OutputStream decorateOutputStream(FileOutputStream fos) {
        deflating = new DeflatingOutputStream(fos);
        return deflating;
    }

    /**
     * The sheet data as the zip needs it. SXSSF closes the writer before it asks for the stream
     * ({@code SXSSFSheet.getWorksheetXMLInputStream}).
     */
    @Override
    protected InputStream decorateInputStream(FileInputStream fis) {
        return new Deflated(fis, deflating.crc.getValue(), deflating.length, getTempFile().length());
    }

    /** Raw deflate data of a sheet's XML, with what a zip entry needs to know of it. */
    static final class Deflated extends InputStream {
        private final InputStream raw;
        final long crc;
        final long length;
        final long compressedLength;
        private InputStream inflated;

        Deflated(InputStream raw, long crc, long length, long compressedLength) {
            this.raw = raw;
            this.crc = crc;
            this.length = length;
            this.compressedLength = compressedLength;
        }

        /** The raw deflate bytes (no final block). */
        InputStream raw() {
            return raw;
        }

        /** The XML itself, for anyone who reads it as a plain stream. */
        private InputStream inflated() {
            if (inflated == null) {
                inflated = new InflaterInputStream(new SequenceInputStream(raw,
                        new ByteArrayInputStream(FINAL_EMPTY_BLOCK)), new java.util.zip.Inflater(true));
            }
            return inflated;
        }

        @Override
        public int read() throws IOException {
            return inflated().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return inflated().read(b, off, len);
        }

        @Override
        public void close() throws IOException {
            raw.close();
        }
    }

    /** Deflates at the fastest level into the file, keeping the CRC and length of what it was given. */
    private static final class DeflatingOutputStream extends OutputStream {
        private final OutputStream file;
        private final Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        private final byte[] buffer = new byte[64 * 1024];
        private final CRC32 crc = new CRC32();
        private long length;
        private boolean closed;

        DeflatingOutputStream(OutputStream file) {
            this.file = file;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            crc.update(b, off, len);
            length += len;
            deflater.setInput(b, off, len);
            while (!deflater.needsInput()) {
                drain(Deflater.NO_FLUSH);
            }
        }

        private int drain(int flush) throws IOException {
            int n = deflater.deflate(buffer, 0, buffer.length, flush);
            if (n > 0) {
                file.write(buffer, 0, n);
            }
            return n;
        }

        /** Only the file is flushed: a sync flush here would cost compression at every SXSSF flush. */
        @Override
        public void flush() throws IOException {
            file.flush();
        }

        /** Ends on a sync flush (byte-aligned, not final): the zip entry goes on after it. */
        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                while (drain(Deflater.SYNC_FLUSH) == buffer.length) {
                    // a full buffer may mean more output is pending
                }
            } finally {
                deflater.end();
                file.close();
            }
        }
    }
}
