package jp.tsunagu.intake.search;

import java.text.Normalizer;

/**
 * An address as the household index compares it (住所の正規化): width folded (NFKC), no spaces, the dashes people
 * type (‐ − ー － …) between digits as "-", and 丁目 / 番地 / 番 / 号 as "-" too, so 荒木町1丁目2番3号, 荒木町１－２－３ and
 * 荒木町 1-2-3 are one key. Kanji numerals (一丁目) and a missing town name are not folded: a coordinator sees one
 * fewer suggestion, never a wrong merge (suggestions are only offered, a coordinator decides).
 */
public final class AddressKey {

    private AddressKey() {
    }

    /** The normalised form; empty when nothing is left. */
    public static String normalize(String address) {
        if (address == null) {
            return "";
        }
        String s = Normalizer.normalize(address, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "");
        s = s.replaceAll("(?<=\\d)[‐‑‒–—―−ーｰ－-](?=\\d)", "-");
        s = s.replaceAll("(?<=\\d)(丁目|番地|番|号)", "-");
        s = s.replaceAll("-+", "-").replaceAll("-$", "");
        return s;
    }
}
