package jp.tsunagu.console.signin;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The municipalities the console serves, from the same directories the services read. */
@ApplicationScoped
public class Municipalities {

    private final Map<String, AgencyDirectory> directories;

    public Municipalities(@ConfigProperty(name = "tsunagu.directory.dir") Optional<Path> dir) {
        this.directories = new TreeMap<>(Directories.load(dir));
    }

    public Collection<AgencyDirectory> all() {
        return directories.values();
    }

    public Optional<AgencyDirectory> of(String code) {
        return Optional.ofNullable(directories.get(code));
    }

    /** The municipality whose pages {@code path} is under ({@code /402036/…}), if it is served. */
    public Optional<String> ofPath(String path) {
        if (path == null || path.length() < 7 || path.charAt(0) != '/') {
            return Optional.empty();
        }
        String code = path.substring(1, 7);
        boolean segment = path.length() == 7 || path.charAt(7) == '/';
        return segment && directories.containsKey(code) ? Optional.of(code) : Optional.empty();
    }

    /** The agency's name in its municipality's directory, or its id when it is not (or no longer) there. */
    public String agencyName(String municipality, String agencyId) {
        if (agencyId == null) {
            return null;
        }
        return of(municipality).flatMap(d -> d.agency(agencyId)).map(a -> a.name()).orElse(agencyId);
    }
}
