package jp.tsunagu.reporting.replay;

import jp.tsunagu.reporting.projection.Sql;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Rows in COPY's text format (a tab between columns, a line each, {@code \N} for null, backslash, tab and line ends
 * escaped), written as UTF-8 straight into one buffer a lane keeps from poll to poll: building a string, then its
 * bytes, was a fifth of what a replay allocated. Used by one thread (the lane's writer).
 */
final class CopyText {

    /** A buffer grown past this by a large poll is not kept for the next. */
    private static final int KEPT = 4 << 20;

    private byte[] bytes = new byte[64 << 10];
    private int length;

    /**
     * The text of the rows, each row's values taken at {@code paramOf}'s positions among its parameters, in place of
     * what it held before.
     *
     * @throws IllegalArgumentException for a value of another type than the projections write, a date or time outside
     *                                  years 1–9999, or a time finer than microseconds (such rows go as statements)
     */
    CopyText of(List<Sql> rows, int[] paramOf) {
        if (bytes.length > KEPT) {
            bytes = new byte[64 << 10];
        }
        length = 0;
        for (Sql row : rows) {
            List<Object> params = row.params();
            for (int i = 0; i < paramOf.length; i++) {
                if (i > 0) {
                    put((byte) '\t');
                }
                value(params.get(paramOf[i]));
            }
            put((byte) '\n');
        }
        return this;
    }

    /** Sends the text into a COPY from its buffer as it is. */
    void writeTo(CopyIn copy) throws SQLException {
        copy.writeToCopy(bytes, 0, length);
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    private void value(Object value) {
        switch (value) {
            case null -> ascii("\\N");
            case String s -> escaped(s);
            case LocalDate d when d.getYear() >= 1 && d.getYear() <= 9999 -> date(d.getYear(), d.getMonthValue(),
                    d.getDayOfMonth());
            case OffsetDateTime t -> timestamp(t);
            case Boolean b -> put((byte) (b ? 't' : 'f'));
            case Integer n -> ascii(Integer.toString(n));
            case Long n -> ascii(Long.toString(n));
            default -> throw new IllegalArgumentException("no COPY text for " + value.getClass().getName() + " "
                    + value);
        }
    }

    /**
     * {@code 2025-05-12 01:02:03.456789+00}, in UTC, digit by digit: a formatter's general path was an eighth of a
     * replay's samples. The projections' times are whole microseconds, as PostgreSQL keeps them; another time, or a
     * year past four digits, is refused, and its rows go as JDBC's parameters, rounded as they always were.
     */
    private void timestamp(OffsetDateTime time) {
        OffsetDateTime t = time.getOffset().equals(ZoneOffset.UTC) ? time : time.withOffsetSameInstant(ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999 || t.getNano() % 1000 != 0) {
            throw new IllegalArgumentException("no COPY text for the time " + time);
        }
        date(t.getYear(), t.getMonthValue(), t.getDayOfMonth());
        put((byte) ' ');
        digits(t.getHour(), 2);
        put((byte) ':');
        digits(t.getMinute(), 2);
        put((byte) ':');
        digits(t.getSecond(), 2);
        put((byte) '.');
        digits(t.getNano() / 1000, 6);
        ascii("+00");
    }

    private void date(int year, int month, int day) {
        digits(year, 4);
        put((byte) '-');
        digits(month, 2);
        put((byte) '-');
        digits(day, 2);
    }

    /** The value's last {@code width} digits, by constant divisions (a variable one per digit was a replay's tenth). */
    private void digits(int value, int width) {
        room(width);
        int rest = value;
        for (int i = length + width - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += width;
    }

    /**
     * The string as UTF-8 (an unpaired surrogate as {@code ?}, as {@link String#getBytes} writes it), escaped; into
     * locals, which the compiler keeps in registers, rather than the fields at each character.
     */
    private void escaped(String s) {
        room(s.length() * 3);
        byte[] b = bytes;
        int at = length;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80 && c >= 0x20 && c != '\\') { // most of what is written: nothing to escape
                b[at++] = (byte) c;
            } else if (c < 0x80) {
                byte escape = switch (c) {
                    case '\\' -> '\\';
                    case '\t' -> 't';
                    case '\n' -> 'n';
                    case '\r' -> 'r';
                    default -> 0;
                };
                if (escape != 0) {
                    b[at++] = '\\';
                    b[at++] = escape;
                } else {
                    b[at++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[at++] = (byte) (0xc0 | c >> 6);
                b[at++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[at++] = (byte) (0xf0 | cp >> 18);
                    b[at++] = (byte) (0x80 | cp >> 12 & 0x3f);
                    b[at++] = (byte) (0x80 | cp >> 6 & 0x3f);
                    b[at++] = (byte) (0x80 | cp & 0x3f);
                } else {
                    b[at++] = '?';
                }
            } else {
                b[at++] = (byte) (0xe0 | c >> 12);
                b[at++] = (byte) (0x80 | c >> 6 & 0x3f);
                b[at++] = (byte) (0x80 | c & 0x3f);
            }
        }
        length = at;
    }

    private void ascii(String s) {
        room(s.length());
        for (int i = 0; i < s.length(); i++) {
            bytes[length++] = (byte) s.charAt(i);
        }
    }

    private void put(byte b) {
        room(1);
        bytes[length++] = b;
    }

    /** Room for {@code more} bytes (a character of a string takes at most three: an escape two, a pair four). */
    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
