package jp.tsunagu.routing.rules;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Field;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The data behind the routing rules of one municipality, versioned: which concerns belong to which field, which are
 * "in-between" (制度の狭間 / 複合) and go to coordination, which are abuse or violence. Shipped as
 * {@code default.json}; a city overrides it with {@code <code>.json} in {@code tsunagu.routing.rules-dir}.
 *
 * @param version          named by every decision made with it
 * @param elderlyAge       from this age the person belongs to 高齢
 * @param childAge         below this age the person belongs to 子ども
 * @param fieldsByConcern  the fields a concern of the person (or of a household member) points to
 * @param inBetweenConcerns concerns no single field handles: always multi-agency coordination
 * @param violenceConcerns abuse and violence: with EMERGENCY, an urgent ad-hoc 支援会議
 */
public record RuleSet(String version, int elderlyAge, int childAge, Map<Concern, List<Field>> fieldsByConcern,
                      Set<Concern> inBetweenConcerns, Set<Concern> violenceConcerns) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public RuleSet {
        fieldsByConcern = Map.copyOf(fieldsByConcern);
        inBetweenConcerns = Set.copyOf(inBetweenConcerns);
        violenceConcerns = Set.copyOf(violenceConcerns);
    }

    /** The municipality's own rule set from {@code dir}, else the shipped default. */
    public static RuleSet forMunicipality(String municipality, Optional<Path> dir) {
        try {
            if (dir.isPresent()) {
                Path own = dir.get().resolve(municipality + ".json");
                if (Files.exists(own)) {
                    return MAPPER.readValue(own.toFile(), RuleSet.class);
                }
            }
            try (InputStream in = RuleSet.class.getResourceAsStream("default.json")) {
                return MAPPER.readValue(in, RuleSet.class);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the routing rule set of " + municipality, e);
        }
    }
}
