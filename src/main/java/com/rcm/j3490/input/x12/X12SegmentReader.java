package com.rcm.j3490.input.x12;

import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the segments of one X12 file through StAEDI (envelope-only: loops are the caller's to
 * track). Holds one segment at a time. Positions count the file's own segments from 1.
 */
public final class X12SegmentReader implements AutoCloseable {
    private static final EDIInputFactory FACTORY = newFactory();
    /** Components of the composites this job reads: SVC01/SV101 has up to 7 (qualifier, code, 4 modifiers, description). */
    private static final int COMPOSITE_CAPACITY = 7;
    /** Elements of the long segments read (CLP 14, ISA 16, BPR up to 21 grows once). */
    private static final int ELEMENT_CAPACITY = 16;

    private final String fileName;
    private final X12EnvelopeNormalizer normalizer;
    private final EDIStreamReader reader;
    private long position;
    private final int synthetic;

    private X12SegmentReader(InputStream in, String fileName) {
        this.fileName = fileName;
        this.normalizer = new X12EnvelopeNormalizer(in, fileName);
        try {
            normalizer.start();
        } catch (IOException e) {
            throw new X12FormatException("cannot read X12 file " + fileName + ": " + e.getMessage(), e);
        }
        this.synthetic = normalizer.syntheticSegments();
        this.reader = FACTORY.createEDIStreamReader(normalizer);
    }

    public static X12SegmentReader open(Path path) {
        try {
            return new X12SegmentReader(Files.newInputStream(path), path.getFileName().toString());
        } catch (NoSuchFileException e) {
            throw new X12FormatException("X12 file " + path + " does not exist");
        } catch (IOException e) {
            throw new X12FormatException("cannot read X12 file " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads X12 from any stream, e.g. a classpath resource; {@code name} is shown in errors. */
    public static X12SegmentReader open(InputStream in, String name) {
        return new X12SegmentReader(in, name);
    }

    public String fileName() {
        return fileName;
    }

    /** Delimiters of the file's first interchange. */
    public X12Delimiters delimiters() {
        return normalizer.delimiters();
    }

    /** The next segment of the file itself (synthetic envelope segments of a bare ST skipped), or null at the end. */
    public X12Segment next() {
        while (true) {
            X12Segment segment = nextFromParser();
            if (segment == null) {
                return null;
            }
            if (segment.position() >= 1) {
                return segment;
            }
        }
    }

    private X12Segment nextFromParser() {
        try {
            String tag = null;
            List<List<String>> elements = null;
            while (reader.hasNext()) {
                EDIStreamEvent event = reader.next();
                switch (event) {
                    case START_SEGMENT -> {
                        tag = reader.getText();
                        elements = new ArrayList<>(ELEMENT_CAPACITY);
                    }
                    case ELEMENT_DATA -> {
                        if (elements != null) {
                            add(elements, reader.getLocation(), reader.getText());
                        }
                    }
                    case END_SEGMENT -> {
                        if (tag != null) {
                            position++;
                            long own = position - synthetic;
                            if (bareTrailer(own, tag)) {
                                tag = null;
                                continue;
                            }
                            return new X12Segment(tag, elements, own);
                        }
                    }
                    default -> {
                        // envelope events and schema-less validation notices: loops are tracked by the caller
                    }
                }
            }
            return null;
        } catch (EDIStreamException | RuntimeException e) {
            throw new X12FormatException("X12 file " + fileName + " cannot be read after segment " + (position - synthetic)
                    + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** The GE/IEA added after a bare ST are not the file's. */
    private boolean bareTrailer(long own, String tag) {
        return synthetic > 0 && (tag.equals("GE") || tag.equals("IEA"));
    }

    /**
     * Puts one element or component in its place. Each element's list is sized by its first value:
     * one for a simple element, {@link #COMPOSITE_CAPACITY} for a composite, so it is not grown
     * component by component (growing the lists from 1 was a few percent of a night's samples). All
     * are ArrayLists: one list class keeps {@link X12Segment}'s calls on them monomorphic.
     */
    private static void add(List<List<String>> elements, Location location, String text) {
        int element = location.getElementPosition();
        if (location.getElementOccurrence() > 1) {
            return; // a repetition: the fields this job reads never repeat
        }
        int component = Math.max(1, location.getComponentPosition());
        while (elements.size() < element - 1) {
            elements.add(new ArrayList<>(1)); // an element the parser gave no value for
        }
        if (elements.size() < element) {
            elements.add(new ArrayList<>(location.getComponentPosition() < 1 ? 1 : COMPOSITE_CAPACITY));
        }
        List<String> components = elements.get(element - 1);
        while (components.size() < component - 1) {
            components.add("");
        }
        if (components.size() < component) {
            components.add(text == null ? "" : text);
        } else {
            components.set(component - 1, text == null ? "" : text);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed X12";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static EDIInputFactory newFactory() {
        EDIInputFactory factory = EDIInputFactory.newFactory();
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_STRUCTURE, false);
        factory.setProperty(EDIInputFactory.EDI_VALIDATE_CONTROL_CODE_VALUES, false);
        factory.setProperty(EDIInputFactory.EDI_IGNORE_EXTRANEOUS_CHARACTERS, true);
        return factory;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // read-only file
        }
    }
}
