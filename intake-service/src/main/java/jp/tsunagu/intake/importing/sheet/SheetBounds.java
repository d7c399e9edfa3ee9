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
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Before FastExcel reads a worksheet: its cell references are scanned (StAX, streaming, nothing kept). FastExcel pads a
 * row's cells with nulls up to the column a cell's {@code r} names, so one {@code <c r="ZZZZZZ1"/>} in a tiny file
 * would allocate some 3×10^8 slots before the reader's own column limit could see the row. Refused here: a cell right
 * of the column limit, and a row below Excel's last row (1,048,576), which no real sheet has.
 * <p>
 * The sheet scanned is the one FastExcel opens as the first: the workbook part named by {@code [Content_Types].xml},
 * its first {@code <sheet>}, that sheet's target in the workbook's relationships. When that cannot be followed, every
 * XML part with sheet data is scanned instead (stricter, never looser). Run after {@link ZipGuard#check}, which has
 * bounded what the parts inflate to.
 */
final class SheetBounds {

    /** Excel's last row. */
    static final int MAX_ROW = 1_048_576;
    private static final String MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String MACRO_MAIN = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final XMLInputFactory XML = factory();

    private SheetBounds() {
    }

    static void check(byte[] bytes, int maxColumns) {
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            String first = firstSheet(zip);
            ZipArchiveEntry entry = first == null ? null : zip.getEntry(first);
            if (entry != null) {
                scan(zip, entry, maxColumns);
                return;
            }
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry e = all.nextElement();
                if (!e.isDirectory() && e.getName().endsWith(".xml")) {
                    scan(zip, e, maxColumns);
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            if (e instanceof SheetRefused refused) {
                throw refused;
            }
            throw new SheetRefused(SheetRefused.NOT_A_SHEET, e);
        }
    }

    /** The zip path of the sheet FastExcel opens first, or null when the workbook does not say. */
    private static String firstSheet(ZipFile zip) throws IOException, XMLStreamException {
        List<String> workbooks = new ArrayList<>();
        read(zip, "[Content_Types].xml", x -> {
            if (x.getLocalName().equals("Override")) {
                String type = x.getAttributeValue(null, "ContentType");
                if (MAIN.equals(type) || MACRO_MAIN.equals(type)) {
                    workbooks.add(x.getAttributeValue(null, "PartName"));
                }
            }
        });
        String workbook = strip(workbooks.isEmpty() ? "/xl/workbook.xml" : workbooks.getFirst());
        List<String> ids = new ArrayList<>();
        read(zip, workbook, x -> {
            if (ids.isEmpty() && x.getLocalName().equals("sheet")) {
                ids.add(x.getAttributeValue(RELATIONSHIPS, "id"));
            }
        });
        if (ids.isEmpty() || ids.getFirst() == null) {
            return null;
        }
        int slash = workbook.lastIndexOf('/');
        String dir = workbook.substring(0, slash + 1);
        List<String> targets = new ArrayList<>();
        read(zip, dir + "_rels/" + workbook.substring(slash + 1) + ".rels", x -> {
            if (x.getLocalName().equals("Relationship") && ids.getFirst().equals(x.getAttributeValue(null, "Id"))) {
                targets.add(x.getAttributeValue(null, "Target"));
            }
        });
        if (targets.isEmpty() || targets.getFirst() == null) {
            return null;
        }
        String target = targets.getFirst();
        return target.startsWith("/") ? strip(target) : dir + target;
    }

    private static String strip(String part) {
        return part.startsWith("/") ? part.substring(1) : part;
    }

    /** Every start element of a part, to the consumer; nothing when the part is absent. */
    private static void read(ZipFile zip, String name, Consumer<XMLStreamReader> elements)
            throws IOException, XMLStreamException {
        ZipArchiveEntry entry = zip.getEntry(name);
        if (entry == null) {
            return;
        }
        try (InputStream in = zip.getInputStream(entry)) {
            XMLStreamReader x = XML.createXMLStreamReader(in);
            try {
                while (x.hasNext()) {
                    if (x.next() == XMLStreamConstants.START_ELEMENT) {
                        elements.accept(x);
                    }
                }
            } finally {
                x.close();
            }
        }
    }

    /** The rows and cells as FastExcel numbers them: by {@code r}, else one after the previous. */
    private static void scan(ZipFile zip, ZipArchiveEntry entry, int maxColumns) throws IOException, XMLStreamException {
        int[] row = {0};
        int[] column = {0};
        read(zip, entry.getName(), x -> {
            switch (x.getLocalName()) {
                case "row" -> {
                    String r = x.getAttributeValue(null, "r");
                    row[0] = r == null ? row[0] + 1 : number(r, 0);
                    column[0] = 0;
                    if (row[0] > MAX_ROW) {
                        throw SheetRefused.rowOutOfSheet(MAX_ROW);
                    }
                }
                case "c" -> {
                    String r = x.getAttributeValue(null, "r");
                    column[0] = r == null ? column[0] + 1 : column(r, maxColumns);
                    if (column[0] > maxColumns) {
                        throw SheetRefused.tooManyColumns(maxColumns, row[0]);
                    }
                    if (r != null && number(r, letters(r)) > MAX_ROW) {
                        throw SheetRefused.rowOutOfSheet(MAX_ROW);
                    }
                }
                default -> {
                }
            }
        });
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
        return f;
    }
}
