package com.rcm.j3490.workbook.poi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.Version;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.util.Removal;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.streaming.SheetDataWriter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * What {@link SheetCompressingWorkbook} and {@link DeflatingSheetDataWriter} rely on inside POI,
 * which POI does not promise to keep. A POI upgrade that changes any of it fails here, by name,
 * before a night's workbook does: re-check the extension against the new POI (or drop it: plain
 * SXSSF with {@link SheetXmlWriter} is the fallback, see docs/performance.md).
 */
class PoiInternalsTest {
    @Test
    void theWorkbookHooksAreStillThere() throws Exception {
        Field wb = SXSSFWorkbook.class.getDeclaredField("_wb");
        assertThat(Modifier.isProtected(wb.getModifiers())).as("SXSSFWorkbook._wb protected").isTrue();
        assertThat(wb.getType()).isEqualTo(XSSFWorkbook.class);

        hook(SXSSFWorkbook.class, "injectData", void.class, ZipEntrySource.class, OutputStream.class);
        hook(SXSSFWorkbook.class, "createSheetDataWriter", SheetDataWriter.class);
        hook(SXSSFWorkbook.class, "createArchiveOutputStream", ZipArchiveOutputStream.class, OutputStream.class);
        assertThat(SXSSFSheet.class.getMethod("getWorksheetXMLInputStream").getReturnType()).isEqualTo(InputStream.class);
    }

    @Test
    void theSheetDataWriterHooksAreStillThere() throws Exception {
        assertThat(Modifier.isPublic(SheetDataWriter.class.getConstructor().getModifiers())).isTrue();
        hook(SheetDataWriter.class, "createWriter", Writer.class, File.class);
        hook(SheetDataWriter.class, "decorateOutputStream", OutputStream.class, FileOutputStream.class);
        hook(SheetDataWriter.class, "decorateInputStream", InputStream.class, FileInputStream.class);
        hook(SheetDataWriter.class, "getTempFile", File.class);
        // RowXml: rows written in one call, and the row bookkeeping the sheet reads back
        hook(SheetDataWriter.class, "writeRow", void.class, int.class, SXSSFRow.class);
        for (String counter : new String[] {"getNumberOfFlushedRows", "getNumberOfCellsOfLastFlushedRow",
            "getLowestIndexOfFlushedRows", "getLastFlushedRow"}) {
            hook(SheetDataWriter.class, counter, int.class);
        }
        assertThat(Modifier.isProtected(SheetDataWriter.class.getDeclaredField("_out").getModifiers()))
                .as("SheetDataWriter._out protected").isTrue();
    }

    /**
     * POI 5 marks {@code SheetDataWriter.createWriter(File)} (which DeflatingSheetDataWriter
     * overrides) for removal in 6.0.0. A POI 6 fails the hooks above; a POI 5.x that removes or
     * renames the mark fails here, so the note in docs/performance.md stays true.
     */
    @Test
    void thePoiThisWasCheckedAgainst() throws Exception {
        assertThat(Version.getVersion()).as("POI major version the extension was checked against").startsWith("5.");
        Method createWriter = SheetDataWriter.class.getMethod("createWriter", File.class);
        assertThat(createWriter.getAnnotation(Removal.class)).as("createWriter marked for removal").isNotNull();
        assertThat(createWriter.getAnnotation(Removal.class).version()).isEqualTo("6.0.0");
    }

    /** A method of POI the extension overrides: present, overridable, with the same return type. */
    private static void hook(Class<?> type, String name, Class<?> returns, Class<?>... parameters) throws Exception {
        Method m = type.getDeclaredMethod(name, parameters);
        assertThat(Modifier.isFinal(m.getModifiers()) || Modifier.isPrivate(m.getModifiers()))
                .as("%s.%s overridable", type.getSimpleName(), name).isFalse();
        assertThat(m.getReturnType()).as("%s.%s returns", type.getSimpleName(), name).isEqualTo(returns);
    }
}
