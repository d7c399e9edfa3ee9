package jp.tsunagu.intake.importing.sheet;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Before an .xlsx reaches the Excel reader: every entry is inflated once into nothing, counting, so a zip bomb is
 * refused after a few megabytes of work instead of filling the heap or the disk. Refused are a total over the limit,
 * an entry inflating more than {@value #MAX_RATIO} times its compressed size once past {@value #RATIO_FROM} bytes
 * (real sheets compress about 10:1), and a zip without {@code xl/workbook.xml} (not a workbook: a .docx, a .jar).
 */
final class ZipGuard {

    static final int MAX_RATIO = 100;
    static final long RATIO_FROM = 1024 * 1024;
    /** No real workbook has this many parts; a zip of a million empty entries is another kind of bomb. */
    static final int MAX_ENTRIES = 10_000;

    private ZipGuard() {
    }

    static void check(byte[] bytes, long maxInflatedBytes) {
        CountingStream raw = new CountingStream(new ByteArrayInputStream(bytes));
        boolean workbook = false;
        long total = 0;
        int entries = 0;
        byte[] sink = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(raw)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new SheetRefused(SheetRefused.TOO_LARGE_INFLATED);
                }
                workbook |= entry.getName().equals("xl/workbook.xml");
                long start = raw.count;
                long inflated = 0;
                int n;
                while ((n = zip.read(sink)) > 0) {
                    inflated += n;
                    total += n;
                    // the raw stream runs ahead by at most one buffer: the ratio is an estimate on the safe side
                    long compressed = Math.max(1, raw.count - start);
                    if (total > maxInflatedBytes
                            || (inflated > RATIO_FROM && inflated > MAX_RATIO * compressed)) {
                        throw new SheetRefused(SheetRefused.TOO_LARGE_INFLATED);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) { // a broken zip, a bad entry name
            throw new SheetRefused(SheetRefused.NOT_A_SHEET, e);
        }
        if (!workbook) {
            throw new SheetRefused(SheetRefused.NOT_A_SHEET);
        }
    }

    /** The compressed bytes read so far. */
    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
