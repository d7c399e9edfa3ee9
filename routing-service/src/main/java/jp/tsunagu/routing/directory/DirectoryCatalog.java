package jp.tsunagu.routing.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.routing.rules.RoutingRules;
import jp.tsunagu.routing.rules.RuleSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The directories and rule sets in force, per municipality. {@link #reload()} reads the files again (the city's own
 * in {@code tsunagu.directory.dir}, else the shipped samples), so a city replaces its directory without a rebuild.
 */
@ApplicationScoped
public class DirectoryCatalog {

    private final Optional<Path> directoryDir;
    private final Optional<Path> rulesDir;
    private volatile Map<String, AgencyDirectory> directories;

    public DirectoryCatalog(@ConfigProperty(name = "tsunagu.directory.dir") Optional<Path> directoryDir,
                            @ConfigProperty(name = "tsunagu.routing.rules-dir") Optional<Path> rulesDir) {
        this.directoryDir = directoryDir;
        this.rulesDir = rulesDir;
        this.directories = Directories.load(directoryDir);
    }

    public Map<String, AgencyDirectory> reload() {
        directories = Directories.load(directoryDir);
        return directories;
    }

    public Optional<AgencyDirectory> directory(String municipality) {
        return Optional.ofNullable(directories.get(municipality));
    }

    public Optional<RoutingRules> rulesFor(String municipality) {
        return directory(municipality).map(d -> new RoutingRules(RuleSet.forMunicipality(municipality, rulesDir), d));
    }
}
