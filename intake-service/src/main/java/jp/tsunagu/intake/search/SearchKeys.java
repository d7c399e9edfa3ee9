package jp.tsunagu.intake.search;

import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.intake.vault.CryptoConfig;
import jp.tsunagu.intake.vault.DataKeyCipher;
import jp.tsunagu.intake.vault.MasterKey;
import jp.tsunagu.support.db.Database;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The blind index's keys: one per municipality, random, kept like the data keys (wrapped by the master key, in
 * {@code search_key}), so the index is useless without the master key and one city's index says nothing about
 * another's. A name is indexed as HMAC-SHA256 under that key of its normalised kana ({@link KanaName}), alone and
 * with the birth date, and so its family name ({@link KanaName#familyName}). The key of a city never changes (the
 * index's {@code VERSION} is its wrapping's); what is keyed changes with {@link KanaName#VERSION}.
 */
@ApplicationScoped
public class SearchKeys {

    private static final int VERSION = 1;

    private final MasterKey masterKey;
    private final Database database;
    private final Map<String, byte[]> keys = new ConcurrentHashMap<>();

    public SearchKeys(CryptoConfig config, Database database) {
        this.masterKey = new MasterKey(config.masterKeyId(), config.masterKey());
        this.database = database;
    }

    /**
     * The index entries of a name: kana alone, kana with the birth date, the family name alone and with the birth
     * date (the birth-date ones null without a birth date, the family ones null when the name has no family name
     * apart: {@link KanaName#familyName}).
     */
    public record Entries(String kana, String kanaBirth, String family, String familyBirth) {
    }

    /** The entries of a name in the municipality's index; null when the kana normalises to nothing. */
    public Uni<Entries> entries(String municipality, String kana, String birthDate) {
        String name = KanaName.normalize(kana);
        if (name.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        String family = KanaName.familyName(kana).orElse(null);
        return key(municipality).map(key -> entries(key, name, family, birthDate));
    }

    /**
     * The keys a search text is looked up by: as a full name, and as a family name (ヤマダ typed alone finds
     * ヤマダ タロウ); null when the kana normalises to nothing.
     */
    public Uni<Entries> lookup(String municipality, String kana, String birthDate) {
        String name = KanaName.normalize(kana);
        if (name.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return key(municipality).map(key -> entries(key, name, name, birthDate));
    }

    /**
     * The household index's keys of one person or named member (V13__households.sql): kana with the birth date,
     * kana with the age on the day the referral was received (and with each age it matches: {@link
     * HouseholdMatch#agesNear}), and the normalised address ({@link AddressKey}); each null when its parts are missing.
     */
    public record HouseholdEntries(String kanaBirth, String kanaAge, List<String> kanaAgeNear, String address) {
        public boolean isEmpty() {
            return kanaBirth == null && kanaAge == null && address == null;
        }
    }

    /** The household index's keys in the municipality's index (never null; empty when nothing can be keyed). */
    public Uni<HouseholdEntries> household(String municipality, String kana, String birthDate, Integer age,
                                           String address) {
        String name = KanaName.normalize(kana);
        String place = AddressKey.normalize(address);
        String born = birthDate(birthDate);
        if (name.isEmpty() && place.isEmpty()) {
            return Uni.createFrom().item(new HouseholdEntries(null, null, null, null));
        }
        return key(municipality).map(key -> new HouseholdEntries(
                name.isEmpty() || born == null ? null : mac(key, "household+birth\n" + name + "\n" + born),
                name.isEmpty() || age == null ? null : mac(key, "household+age\n" + name + "\n" + age),
                name.isEmpty() || age == null ? null : HouseholdMatch.agesNear(age).stream()
                        .map(near -> mac(key, "household+age\n" + name + "\n" + near)).toList(),
                place.isEmpty() ? null : mac(key, "address\n" + place)));
    }

    /** One key of the index as it is stored: the text in its domain ("kana\\n…"), keyed; for the re-index's test. */
    Uni<String> keyed(String municipality, String text) {
        return key(municipality).map(key -> mac(key, text));
    }

    private static Entries entries(byte[] key, String name, String family, String birthDate) {
        return new Entries(mac(key, "kana\n" + name),
                birthDate == null ? null : mac(key, "kana+birth\n" + name + "\n" + birthDate),
                family == null ? null : mac(key, "family\n" + family),
                family == null || birthDate == null ? null
                        : mac(key, "family+birth\n" + family + "\n" + birthDate));
    }

    /** A stored birth date as the index keys it (ISO), or null when there is none or it is not a date. */
    public static String birthDate(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.strip()).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Uni<byte[]> key(String municipality) {
        byte[] cached = keys.get(municipality);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        String aad = "search/" + municipality;
        byte[] wrapped = masterKey.wrap(DataKeyCipher.newDataKey(), aad);
        // the first request of a city makes its key, in its own statement; later ones (and a racing one) read it
        return database.updateAlone("""
                        insert into search_key(municipality, key_version, master_key_id, wrapped_key)
                        values ($1, $2, $3, $4) on conflict (municipality) do nothing""",
                        municipality, VERSION, masterKey.id(), Buffer.buffer(wrapped))
                .chain(() -> database.first("select wrapped_key from search_key where municipality = $1",
                        row -> row.getBuffer("wrapped_key").getBytes(), municipality))
                .map(found -> {
                    byte[] key = masterKey.unwrap(found.orElseThrow(), aad);
                    keys.put(municipality, key);
                    return key;
                });
    }

    private static String mac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
