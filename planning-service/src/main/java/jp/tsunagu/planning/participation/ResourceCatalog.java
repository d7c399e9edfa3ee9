package jp.tsunagu.planning.participation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import jp.tsunagu.contract.directory.Organization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A municipality's community resources for 参加支援. Shipped as {@code <code>.json} (samples that say so); a city
 * replaces it with its own file in {@code tsunagu.participation.catalog-dir}.
 */
public record ResourceCatalog(String municipality, String version, boolean sample, String note,
                              List<Organization> organizations, List<CommunityResource> resources) {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ResourceCatalog {
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        resources = resources == null ? List.of() : List.copyOf(resources);
    }

    public static Optional<ResourceCatalog> forMunicipality(String municipality, Optional<Path> dir) {
        try {
            if (dir.isPresent() && Files.exists(dir.get().resolve(municipality + ".json"))) {
                return Optional.of(MAPPER.readValue(dir.get().resolve(municipality + ".json").toFile(),
                        ResourceCatalog.class));
            }
            try (InputStream in = ResourceCatalog.class.getResourceAsStream(municipality + ".json")) {
                return in == null ? Optional.empty() : Optional.of(MAPPER.readValue(in, ResourceCatalog.class));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource catalog of " + municipality, e);
        }
    }

    public Optional<CommunityResource> resource(String id) {
        return resources.stream().filter(r -> r.id().equals(id)).findFirst();
    }
}
