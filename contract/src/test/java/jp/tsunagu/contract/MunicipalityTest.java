package jp.tsunagu.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MunicipalityTest {

    @Test
    void shipsKurumeAndNagareyamaWithSampleAreas() {
        var all = Municipality.load(Optional.empty());
        assertEquals("久留米市", all.get("402036").name());
        assertTrue(all.get("402036").hasArea("荒木"));
        assertTrue(all.get("402036").areasAreSample());
        assertTrue(all.get("122203").hasArea("南部"));
    }

    @Test
    void aCityReplacesItsAreasWithoutARebuild(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("122203.json"), """
                {"code":"122203","name":"流山市","areaKind":"圏域","areasAreSample":false,"areas":["東深井","江戸川台"]}
                """);
        var nagareyama = Municipality.load(Optional.of(dir)).get("122203");
        assertTrue(nagareyama.hasArea("江戸川台"));
        assertFalse(nagareyama.hasArea("南部"));
        assertFalse(nagareyama.areasAreSample());
    }
}
