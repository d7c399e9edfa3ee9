package jp.tsunagu.intake.importing.sheet;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import java.util.Set;

/**
 * Before FastExcel reads a workbook, every part of its zip is scanned (StAX, streaming, nothing kept). FastExcel pads a
 * row's cells with nulls up to the column a cell's {@code r} names, so one {@code <c r="ZZZZZZ1"/>} in a tiny file
 * would allocate some 3×10^8 slots before the reader's own column limit could see the row; it builds a cell's text
 * whole before anyone can measure it; and it reads shared strings up to the index a cell names. Refused here: a cell
 * right of the column limit, a row below Excel's last row (1,048,576), a text ({@code t is v f si}) longer than the
 * cell limit, and a shared-string index that is no number or not below the number of {@code <si>} there are.
 * <p>
 * Which part is "the first sheet" or "the shared strings" is deliberately NOT resolved: FastExcel's resolution
 * (relationship ids in a HashMap, case-insensitive fallbacks, content-type overrides) has corners a second resolver
 * would get wrong, and every such difference would be a way past this check. So every entry whose content parses as
 * XML is scanned (one that stops parsing is kept as far as it read). Run after {@link ZipGuard#check}, which has
 * bounded what the parts inflate to.
 */
final class SheetBounds {

    /** Excel's last row. */
    static final int MAX_ROW = 1_048_576;
    /** The elements whose text FastExcel builds into a string: cell text, inline and shared strings, formulas. */
    private static final Set<String> TEXT = Set.of("t", "is", "v", "f", "si");
    private static final XMLInputFactory XML = factory();

    private SheetBounds() {
    }

    static void check(byte[] bytes, ImportLimits limits) {
        Scan scan = new Scan(limits.maxColumns(), limits.maxCellChars());
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            Enumeration<ZipArchiveEntry> all = zip.getEntries(); // every entry, duplicate names included
            while (all.hasMoreElements()) {
                ZipArchiveEntry e = all.nextElement();
                if (!e.isDirectory()) {
                    try (InputStream in = zip.getInputStream(e)) {
                        scan.entry(in);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SheetRefused refused) {
                throw refused;
            }
            throw new SheetRefused(SheetRefused.NOT_A_SHEET, e);
        }
        if (scan.maxSharedIndex >= scan.maxSharedStrings) {
            throw new SheetRefused(SheetRefused.BROKEN); // FastExcel would read (and keep) strings up to the index
        }
    }

    /** The running state of the scan; one streaming pass per entry. */
    private static final class Scan {
        private final int maxColumns;
        private final int maxCellChars;
        /** The largest {@code <si>} count of any one part (the shared strings are one of them). */
        long maxSharedStrings;
        /** The largest shared-string index any cell names; -1 when none does. */
        long maxSharedIndex = -1;

        Scan(int maxColumns, int maxCellChars) {
            this.maxColumns = maxColumns;
            this.maxCellChars = maxCellChars;
        }

        void entry(InputStream in) {
            int row = 0;
            int column = 0;
            long sharedStrings = 0;
            int textDepth = 0;       // open TEXT elements (an <is> holds <t>s: counted together)
            long chars = 0;          // characters of the outermost open TEXT element
            boolean sharedCell = false;  // inside <c t="s">
            boolean sharedValue = false; // inside that cell's <v>
            long index = 0;
            boolean digits = false;
            XMLStreamReader x = null;
            try {
                x = XML.createXMLStreamReader(in);
                while (x.hasNext()) {
                    switch (x.next()) {
                        case XMLStreamConstants.START_ELEMENT -> {
                            String name = x.getLocalName();
                            switch (name) {
                                case "row" -> {
                                    String r = x.getAttributeValue(null, "r");
                                    row = r == null ? row + 1 : number(r, 0);
                                    column = 0;
                                    if (row > MAX_ROW) {
                                        throw SheetRefused.rowOutOfSheet(MAX_ROW);
                                    }
                                }
                                case "c" -> {
                                    String r = x.getAttributeValue(null, "r");
                                    column = r == null ? column + 1 : column(r, maxColumns);
                                    if (column > maxColumns) {
                                        throw SheetRefused.tooManyColumns(maxColumns, row);
                                    }
                                    if (r != null && number(r, letters(r)) > MAX_ROW) {
                                        throw SheetRefused.rowOutOfSheet(MAX_ROW);
                                    }
                                    sharedCell = "s".equals(x.getAttributeValue(null, "t"));
                                }
                                case "si" -> sharedStrings++;
                                default -> {
                                }
                            }
                            if (name.equals("v") && sharedCell) {
                                sharedValue = true;
                                index = 0;
                                digits = false;
                            }
                            if (TEXT.contains(name)) {
                                if (textDepth == 0) {
                                    chars = 0;
                                }
                                textDepth++;
                            }
                        }
                        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                            if (textDepth > 0) {
                                chars += codePoints(x);
                                if (chars > maxCellChars) {
                                    throw SheetRefused.cellTooLong(maxCellChars, row);
                                }
                            }
                            if (sharedValue) {
                                char[] text = x.getTextCharacters();
                                int end = x.getTextStart() + x.getTextLength();
                                for (int i = x.getTextStart(); i < end; i++) {
                                    if (text[i] < '0' || text[i] > '9') {
                                        throw new SheetRefused(SheetRefused.BROKEN); // FastExcel: NumberFormatException
                                    }
                                    index = Math.min(index * 10 + (text[i] - '0'), Integer.MAX_VALUE + 1L);
                                    digits = true;
                                }
                            }
                        }
                        case XMLStreamConstants.END_ELEMENT -> {
                            String name = x.getLocalName();
                            if (TEXT.contains(name) && textDepth > 0) {
                                textDepth--;
                            }
                            if (name.equals("v") && sharedValue) {
                                if (!digits) {
                                    throw new SheetRefused(SheetRefused.BROKEN);
                                }
                                maxSharedIndex = Math.max(maxSharedIndex, index);
                                sharedValue = false;
                            } else if (name.equals("c")) {
                                sharedCell = false;
                            }
                        }
                        default -> {
                        }
                    }
                }
            } catch (XMLStreamException | RuntimeException notXml) {
                if (notXml instanceof SheetRefused refused) {
                    throw refused;
                }
                // not XML (an image) or XML that breaks off: what was read before counts, the rest cannot be read
            } finally {
                maxSharedStrings = Math.max(maxSharedStrings, sharedStrings);
                close(x);
            }
        }
    }

    /** Characters as a person counts them (a surrogate pair is one), without building the text. */
    private static int codePoints(XMLStreamReader x) {
        char[] text = x.getTextCharacters();
        int start = x.getTextStart();
        int end = start + x.getTextLength();
        int n = 0;
        for (int i = start; i < end; i++) {
            if (!Character.isLowSurrogate(text[i])) {
                n++;
            }
        }
        return n;
    }

    private static void close(XMLStreamReader x) {
        if (x != null) {
            try {
                x.close();
            } catch (XMLStreamException ignored) {
                // nothing held but the stream, which the caller closes
            }
        }
    }

    /** The 1-based column of a reference such as "AB12"; anything past the limit reads as limit + 1. */
    static int column(String ref, int maxColumns) {
        int n = letters(ref);
        if (n == 0) {
            throw new SheetRefused(SheetRefused.BROKEN);
        }
        long column = 0;
        for (int i = 0; i < n; i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            if (column > maxColumns) {
                return maxColumns + 1;
            }
        }
        return (int) column;
    }

    private static int letters(String ref) {
        int i = 0;
        while (i < ref.length() && (ref.charAt(i) >= 'A' && ref.charAt(i) <= 'Z'
                || ref.charAt(i) >= 'a' && ref.charAt(i) <= 'z')) {
            i++;
        }
        return i;
    }

    /** The row number from the index on; past Excel's last row reads as that + 1; not a number refuses. */
    private static int number(String ref, int from) {
        if (from >= ref.length()) {
            throw new SheetRefused(SheetRefused.BROKEN);
        }
        long n = 0;
        for (int i = from; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c < '0' || c > '9') {
                throw new SheetRefused(SheetRefused.BROKEN);
            }
            n = n * 10 + (c - '0');
            if (n > MAX_ROW) {
                return MAX_ROW + 1;
            }
        }
        return (int) n;
    }

    /** No DTD, no external entity: a sheet's XML is data, never a way to read the server's files. */
    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }
}
