package jp.tsunagu.contract.directory;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.MapperFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agency directories: the two that ship (久留米市 402036, 流山市 122203, marked as samples), each replaced by a
 * city's own {@code <code>.json} in the directory named by {@code tsunagu.directory.dir}, read at run time so a city
 * changes its directory without a rebuild. Intake reads the areas from here, routing the agencies.
 */
public final class Directories {

    public static final List<String> SHIPPED = List.of("402036", "122203");

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Directories() {
    }

    public static Map<String, AgencyDirectory> load(Optional<Path> overrideDir) {
        Map<String, AgencyDirectory> all = new TreeMap<>();
        try {
            for (String code : SHIPPED) {
                try (InputStream in = Directories.class.getResourceAsStream(code + ".json")) {
                    all.put(code, MAPPER.readValue(in, AgencyDirectory.class));
                }
            }
            if (overrideDir.isPresent() && Files.isDirectory(overrideDir.get())) {
                try (var files = Files.list(overrideDir.get())) {
                    for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{6}\\.json"))
                            .sorted().toList()) {
                        AgencyDirectory d = MAPPER.readValue(file.toFile(), AgencyDirectory.class);
                        all.put(d.municipality(), d);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agency directories", e);
        }
        return all;
    }

    /** SHA-256 of the directory's canonical JSON: any edit, even without a new version label, changes it. */
    public static String checksum(AgencyDirectory directory) {
        try {
            byte[] canonical = MAPPER.writeValueAsBytes(directory);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What decisions record: the city's version label and the first 12 hex digits of the checksum. */
    public static String versionOf(AgencyDirectory directory) {
        return directory.version() + "@" + checksum(directory).substring(0, 12);
    }
}
