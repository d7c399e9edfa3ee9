package jp.tsunagu.intake.importing.sheet;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

/**
 * Before an .xlsx reaches the Excel reader: every entry is inflated once into nothing, counting, so a zip bomb is
 * refused after a few megabytes of work instead of filling the heap. Refused are a total over the limit, an entry
 * inflating more than {@value #MAX_RATIO} times its compressed size once past {@value #RATIO_FROM} bytes (real sheets
 * compress about 10:1), and a zip without {@code xl/workbook.xml} (not a workbook: a .docx, a .jar).
 * <p>
 * The entries are read through the zip's central directory with the same library (commons-compress, FastExcel's own
 * dependency) the reader then uses, so what is counted is what will be read: a stream scan of the local headers would
 * miss entries only the directory names, and it cannot read the data descriptors FastExcel itself writes.
 */
final class ZipGuard {

    static final int MAX_RATIO = 100;
    static final long RATIO_FROM = 1024 * 1024;
    /** No real workbook has this many parts; a zip of a million empty entries is another kind of bomb. */
    static final int MAX_ENTRIES = 10_000;

    private ZipGuard() {
    }

    static void check(byte[] bytes, long maxInflatedBytes) {
        boolean workbook = false;
        long total = 0;
        int entries = 0;
        byte[] sink = new byte[64 * 1024];
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(bytes)).get()) {
            Enumeration<ZipArchiveEntry> all = zip.getEntries();
            while (all.hasMoreElements()) {
                ZipArchiveEntry entry = all.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw new SheetRefused(SheetRefused.TOO_LARGE_INFLATED);
                }
                workbook |= entry.getName().equals("xl/workbook.xml");
                long compressed = Math.max(1, entry.getCompressedSize());
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(sink)) > 0) {
                        inflated += n;
                        total += n;
                        if (total > maxInflatedBytes || (inflated > RATIO_FROM && inflated > MAX_RATIO * compressed)) {
                            throw new SheetRefused(SheetRefused.TOO_LARGE_INFLATED);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) { // a broken zip, an unsupported method, a bad entry name
            if (e instanceof SheetRefused refused) {
                throw refused;
            }
            throw new SheetRefused(SheetRefused.NOT_A_SHEET, e);
        }
        if (!workbook) {
            throw new SheetRefused(SheetRefused.NOT_A_SHEET);
        }
    }
}
