package jp.tsunagu.reporting.projection;

import java.nio.charset.StandardCharsets;

/**
 * The ids one replay lane has written (of events into {@code case_event}, of cases into {@code case_fact}), as a
 * Bloom filter: "may have" is true for every id recorded (never a false "no") and for about 1 % of the others while
 * it holds no more ids than it was sized for (more only raise that share: a false "may have" costs a lookup, nothing
 * else). Ten bits an id, at most 2 MB: a lane sized for 1,000,000 events holds 1.2 MB where a set of the ids would
 * hold ~100 MB. Used by one thread (the lane's writer).
 */
public final class SeenIds implements EarlierCopies {

    private static final int BITS_PER_ID = 10;
    private static final int HASHES = 7;
    private static final long MIN_BITS = 1L << 16;
    /** 16 Mbit (2 MB): past ~1,700,000 ids a lane looks up more, and holds no more. */
    private static final long MAX_BITS = 1L << 24;
    /** FNV-1a's 64-bit offset basis. */
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    private final long[] words;
    private final long bits;

    /** Sized for {@code expectedIds}, within 8 kB and 2 MB. */
    public SeenIds(long expectedIds) {
        long wanted = Math.max(MIN_BITS, Math.min(MAX_BITS, expectedIds * BITS_PER_ID));
        this.words = new long[(int) ((wanted + 63) / 64)];
        this.bits = words.length * 64L;
    }

    @Override
    public boolean mayHave(String id) {
        long h = hash(id);
        for (int i = 1; i <= HASHES; i++) {
            long bit = bit(h, i);
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void recorded(String id) {
        long h = hash(id);
        for (int i = 1; i <= HASHES; i++) {
            long bit = bit(h, i);
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    /**
     * The i-th of an id's bits: h1 + i·h2 over 32 bits (an odd step, so a power-of-two size is probed in full), scaled
     * onto the filter by a multiply rather than a modulo (no bias).
     */
    private long bit(long h, int i) {
        int probe = (int) h + i * ((int) (h >>> 32) | 1);
        return (Integer.toUnsignedLong(probe) * bits) >>> 32;
    }

    /**
     * 64-bit FNV-1a of the id's UTF-8 bytes, then a final mix so both halves spread (Kirsch-Mitzenmacher hashing). An
     * id of ASCII characters (the UUIDs the services write) is its own UTF-8, hashed without copying it to bytes: that
     * copy was a twelfth of a replay writer's samples (JFR, 2026-12-07).
     */
    private static long hash(String id) {
        long h = FNV_OFFSET;
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                h = FNV_OFFSET;
                for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
                    h = fnv(h, b & 0xff);
                }
                return mixed(h);
            }
            h = fnv(h, c);
        }
        return mixed(h);
    }

    /** One byte into FNV-1a. */
    private static long fnv(long h, int octet) {
        return (h ^ octet) * 0x100000001b3L;
    }

    private static long mixed(long hash) {
        long h = hash;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }
}
