package com.rcm.j3490.workbook.poi;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.util.IOUtils;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * SXSSF, with each streamed sheet compressed while its rows are written
 * ({@link DeflatingSheetDataWriter}) rather than all at once when the workbook is saved.
 *
 * <p>Why: plain SXSSF writes every sheet's XML uncompressed to a temporary file and deflates the
 * lot on one thread in {@code write} — for a night of a million lines about a quarter of the
 * workbook step, with the other core idle. Here the All Lines sheet is compressed on the thread
 * that writes it while the step's thread reads the staging table and writes the worklists, and
 * saving copies the compressed data into the zip.
 *
 * <p>The sheet part of the zip is POI's own XML for the sheet with the rows spliced in where it
 * has {@code <sheetData/>} (as {@code SXSSFWorkbook.injectData} does): the part before and the part
 * after are deflated here, around the sheet's compressed rows, and the entry's CRC is combined
 * from the three parts' CRCs ({@link Crc32Combine}). Every other part is copied as SXSSF copies it.
 */
public final class SheetCompressingWorkbook extends SXSSFWorkbook {
    private static final byte[] EMPTY_SHEET_DATA = ascii("<sheetData/>");
    private static final byte[] SHEET_DATA_START = ascii("<sheetData>");
    private static final byte[] SHEET_DATA_END = ascii("</sheetData>");

    /** @param window rows kept in memory per streamed sheet */
    public SheetCompressingWorkbook(int window) {
        super(null, window, false, false);
        // POI's default (Always) writes through its OpcZipArchiveOutputStream, which keeps its own
        // entry list and so cannot take a precompressed entry; AsNeeded is the plain commons-compress
        // stream, with zip64 records only for a part over 4 GB (the SXSSF default before POI 5)
        setZip64Mode(Zip64Mode.AsNeeded);
    }

    /** Each streamed sheet's writer, for {@link #directRows}. */
    private final Map<SXSSFSheet, DeflatingSheetDataWriter> writers = new IdentityHashMap<>();
    /** The writer of the sheet being created (SXSSFSheet's constructor asks for it). */
    private DeflatingSheetDataWriter created;

    @Override
    protected SheetDataWriter createSheetDataWriter() throws IOException {
        created = new DeflatingSheetDataWriter();
        return created;
    }

    @Override
    public synchronized SXSSFSheet createSheet() {
        return registered(super.createSheet());
    }

    @Override
    public synchronized SXSSFSheet createSheet(String name) {
        return registered(super.createSheet(name));
    }

    private SXSSFSheet registered(SXSSFSheet sheet) {
        writers.put(sheet, created);
        created = null;
        return sheet;
    }

    /** Rows written straight into a streamed sheet of this workbook ({@link DirectRows}: its rules of use). */
    public synchronized DirectRows directRows(SXSSFSheet sheet) {
        DeflatingSheetDataWriter writer = writers.get(sheet);
        if (writer == null) {
            throw new IllegalArgumentException("sheet " + sheet.getSheetName() + " is not a streamed sheet of this workbook");
        }
        return new DirectRows(writer);
    }

    /** The other parts (styles, the Summary, charts) are small: the fastest level is enough. */
    @Override
    protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
        ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
        zip.setLevel(Deflater.BEST_SPEED);
        return zip;
    }

    @Override
    protected void injectData(ZipEntrySource source, OutputStream out) throws IOException {
        Map<String, SXSSFSheet> streamed = streamedSheetsByPartName();
        ZipArchiveOutputStream zip = createArchiveOutputStream(out);
        try {
            for (ZipArchiveEntry entry : Collections.list((Enumeration<ZipArchiveEntry>) source.getEntries())) {
                SXSSFSheet sheet = streamed.get(entry.getName());
                try (InputStream part = source.getInputStream(entry)) {
                    if (sheet != null) {
                        writeSheet(zip, entry, IOUtils.toByteArray(part), sheet);
                    } else {
                        ZipArchiveEntry copy = new ZipArchiveEntry(entry.getName());
                        if (entry.getTime() >= 0) {
                            copy.setTime(entry.getTime());
                        }
                        zip.putArchiveEntry(copy);
                        IOUtils.copy(part, zip);
                        zip.closeArchiveEntry();
                    }
                }
            }
            // not in a finally: after a failed write (a full disk) finish() would fail too ("This
            // archive contains unclosed entries") and replace the exception that says why
            zip.finish();
        } finally {
            source.close();
        }
    }

    /** Streamed sheets by the zip entry name of their part, e.g. {@code xl/worksheets/sheet2.xml}. */
    private Map<String, SXSSFSheet> streamedSheetsByPartName() {
        Map<String, SXSSFSheet> sheets = new HashMap<>();
        for (int i = 0; i < _wb.getNumberOfSheets(); i++) {
            XSSFSheet xssf = _wb.getSheetAt(i);
            SXSSFSheet sxssf = getSheetAt(i);
            if (sxssf != null) {
                sheets.put(xssf.getPackagePart().getPartName().getName().substring(1), sxssf);
            }
        }
        return sheets;
    }

    private static void writeSheet(ZipArchiveOutputStream zip, ZipArchiveEntry templateEntry, byte[] template,
            SXSSFSheet sheet) throws IOException {
        byte[][] around = splitAtSheetData(template, templateEntry.getName());
        InputStream data = sheet.getWorksheetXMLInputStream();
        if (!(data instanceof DeflatingSheetDataWriter.Deflated rows)) {
            data.close();
            throw new IllegalStateException("sheet " + sheet.getSheetName() + " was not written by "
                    + DeflatingSheetDataWriter.class.getSimpleName());
        }
        try (rows) {
            byte[] before = deflate(around[0], false);
            byte[] after = deflate(around[1], true);
            long crc = Crc32Combine.combine(Crc32Combine.combine(crc(around[0]), rows.crc, rows.length), crc(around[1]),
                    around[1].length);
            ZipArchiveEntry entry = new ZipArchiveEntry(templateEntry.getName());
            if (templateEntry.getTime() >= 0) {
                entry.setTime(templateEntry.getTime());
            }
            entry.setMethod(ZipEntry.DEFLATED);
            entry.setCrc(crc);
            entry.setSize(around[0].length + rows.length + around[1].length);
            entry.setCompressedSize(before.length + rows.compressedLength + after.length);
            zip.addRawArchiveEntry(entry, new SequenceInputStream(Collections.enumeration(List.of(
                    new ByteArrayInputStream(before), rows.raw(), new ByteArrayInputStream(after)))));
        }
    }

    /**
     * The sheet's XML up to and including {@code <sheetData>}, and from {@code </sheetData>} on.
     * POI's template of a streamed sheet has an empty {@code <sheetData/>}; rows it might hold
     * between start and end tags are dropped, as {@code SXSSFWorkbook} drops them.
     */
    static byte[][] splitAtSheetData(byte[] xml, String part) {
        int empty = indexOf(xml, EMPTY_SHEET_DATA, 0);
        if (empty >= 0) {
            return new byte[][] {concat(slice(xml, 0, empty), SHEET_DATA_START),
                    concat(SHEET_DATA_END, slice(xml, empty + EMPTY_SHEET_DATA.length, xml.length))};
        }
        int start = indexOf(xml, SHEET_DATA_START, 0);
        int end = start < 0 ? -1 : indexOf(xml, SHEET_DATA_END, start);
        if (end < 0) {
            throw new IllegalStateException(part + " has no <sheetData> element");
        }
        return new byte[][] {slice(xml, 0, start + SHEET_DATA_START.length), slice(xml, end, xml.length)};
    }

    /** Raw deflate of a part: the last part ends the stream, the first ends on a sync flush so more can follow. */
    private static byte[] deflate(byte[] input, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED, true);
        try {
            deflater.setInput(input);
            if (last) {
                deflater.finish();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(input.length / 2 + 64);
            byte[] buffer = new byte[8192];
            while (true) {
                int n = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.SYNC_FLUSH);
                out.write(buffer, 0, n);
                if (last ? deflater.finished() : n < buffer.length) {
                    return out.toByteArray();
                }
            }
        } finally {
            deflater.end();
        }
    }

    private static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static byte[] slice(byte[] data, int from, int to) {
        return Arrays.copyOfRange(data, from, to);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
