package jp.tsunagu.intake.importing.sheet;

/**
 * Decides from a file's first bytes what it is: an .xlsx (a zip holding a workbook, checked for bombs first), a CSV
 * (text), or neither (an executable, a PDF, an image, the old .xls): a renamed file is refused, never parsed.
 */
final class SheetOpener {

    private static final int SNIFF = 8192;

    private SheetOpener() {
    }

    static SheetReader open(byte[] bytes, String charset, ImportLimits limits) {
        if (bytes == null || bytes.length == 0) {
            throw new SheetRefused(SheetRefused.EMPTY);
        }
        if (bytes.length > limits.maxBytes()) {
            throw SheetRefused.tooLarge(limits.maxBytes());
        }
        if (startsWith(bytes, 'P', 'K', 3, 4)) {
            ZipGuard.check(bytes, limits.maxInflatedBytes());
            SheetBounds.check(bytes, limits);
            return XlsxSheetReader.open(bytes, limits);
        }
        if (startsWith(bytes, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new SheetRefused(SheetRefused.OLD_EXCEL);
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw new SheetRefused(SheetRefused.UNREADABLE_CHARSET); // UTF-16 ("Unicode テキスト")
        }
        if (startsWith(bytes, 'M', 'Z') || startsWith(bytes, '%', 'P', 'D', 'F') || binary(bytes)) {
            throw new SheetRefused(SheetRefused.NOT_A_SHEET);
        }
        return CsvSheetReader.open(bytes, CsvCharset.of(bytes, charset), limits);
    }

    /**
     * Text has no control bytes but tab, line ends and (at the very end, from old DOS tools) Ctrl-Z; UTF-8 and CP932
     * never use bytes below 0x20 inside a character, so a NUL or an ESC in the first 8 KB means a binary file.
     */
    private static boolean binary(byte[] bytes) {
        int n = Math.min(bytes.length, SNIFF);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && !(b == 0x1A && i == bytes.length - 1)) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, int... magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((bytes[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
