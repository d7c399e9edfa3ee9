package jp.tsunagu.intake.vault;

import jp.tsunagu.contract.events.SealedData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DataKeyCipherTest {

    final byte[] plaintext = "{\"name\":\"山田 一郎\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsAndOpensWithTheCasesKey() {
        byte[] key = DataKeyCipher.newDataKey();
        SealedData sealed = DataKeyCipher.seal(key, "case/c1/1", "c1", plaintext);
        assertFalse(new String(Base64.getDecoder().decode(sealed.ciphertext()), StandardCharsets.UTF_8).contains("山田"));
        assertArrayEquals(plaintext, DataKeyCipher.open(key, "c1", sealed));
    }

    @Test
    void anotherKeyOrAnotherCaseCannotOpenIt() {
        byte[] key = DataKeyCipher.newDataKey();
        SealedData sealed = DataKeyCipher.seal(key, "case/c1/1", "c1", plaintext);
        assertThrows(IllegalStateException.class, () -> DataKeyCipher.open(DataKeyCipher.newDataKey(), "c1", sealed));
        assertThrows(IllegalStateException.class, () -> DataKeyCipher.open(key, "c2", sealed), "bound to its case");
    }

    @Test
    void theMasterKeyWrapsDataKeysPerCase() {
        MasterKey master = new MasterKey("m1", Base64.getEncoder().encodeToString(new byte[32]));
        byte[] dataKey = DataKeyCipher.newDataKey();
        byte[] wrapped = master.wrap(dataKey, "c1");
        assertArrayEquals(dataKey, master.unwrap(wrapped, "c1"));
        assertThrows(IllegalStateException.class, () -> master.unwrap(wrapped, "c2"));
        assertThrows(IllegalArgumentException.class, () -> new MasterKey("short", "AAAA"));
    }
}
