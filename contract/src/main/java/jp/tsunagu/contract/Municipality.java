package jp.tsunagu.contract;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A city running Tsunagu and the areas (校区 / 圏域) its referrals name. Two ship with the software (久留米市 402036,
 * 流山市 122203, with area lists marked as samples); a city puts its own {@code <code>.json} files in a directory
 * and points {@code tsunagu.municipalities.dir} at it, without a rebuild.
 *
 * @param areasAreSample true while the area names are not the city's confirmed list
 */
public record Municipality(String code, String name, String areaKind, boolean areasAreSample, String areasNote,
                           List<String> areas) {

    public static final List<String> SHIPPED = List.of("402036", "122203");

    public Municipality {
        areas = List.copyOf(areas);
    }

    public boolean hasArea(String area) {
        return areas.contains(area);
    }

    /** The shipped municipalities, each replaced by a file of the same code in {@code overrideDir} when present. */
    public static Map<String, Municipality> load(Optional<Path> overrideDir) {
        ObjectMapper mapper = new ObjectMapper()
                .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        Map<String, Municipality> all = new TreeMap<>();
        try {
            for (String code : SHIPPED) {
                try (InputStream in = Municipality.class.getResourceAsStream("municipalities/" + code + ".json")) {
                    all.put(code, mapper.readValue(in, Municipality.class));
                }
            }
            if (overrideDir.isPresent() && Files.isDirectory(overrideDir.get())) {
                try (var files = Files.list(overrideDir.get())) {
                    for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{6}\\.json")).toList()) {
                        Municipality m = mapper.readValue(file.toFile(), Municipality.class);
                        all.put(m.code(), m);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read municipality data", e);
        }
        return all;
    }
}
