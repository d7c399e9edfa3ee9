package jp.tsunagu.routing.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.routing.rules.RoutingConfig;
import jp.tsunagu.routing.rules.RoutingRules;
import jp.tsunagu.routing.rules.RuleSet;
import jp.tsunagu.support.directory.AgencyDirectories;
import jp.tsunagu.support.directory.DirectoryConfig;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The directories and rule sets in force, per municipality. {@link #reload()} reads the files again (the city's own
 * in {@code tsunagu.directory.dir}, else the shipped samples; the rule sets from {@code tsunagu.routing.rules-dir},
 * else the shipped default), so a city replaces its directory or rules without a rebuild. The rules are built once
 * per reload, not per decision.
 */
@ApplicationScoped
public class DirectoryCatalog {

    private final Optional<Path> directoryDir;
    private final Optional<Path> rulesDir;
    /** The directories and the rules built on them, swapped together so a decision never mixes two editions. */
    private record Edition(Map<String, AgencyDirectory> directories, Map<String, RoutingRules> rules) {
    }

    private volatile Edition edition;

    private final AgencyDirectories callersDirectories;

    public DirectoryCatalog(DirectoryConfig directories, RoutingConfig routing, AgencyDirectories callers) {
        this.directoryDir = directories.dir();
        this.rulesDir = routing.rulesDir();
        this.callersDirectories = callers;
        reload();
    }

    public Map<String, AgencyDirectory> reload() {
        Map<String, AgencyDirectory> directories = Directories.load(directoryDir);
        Map<String, RoutingRules> rules = new HashMap<>();
        directories.forEach((municipality, directory) -> rules.put(municipality,
                new RoutingRules(RuleSet.forMunicipality(municipality, rulesDir), directory)));
        edition = new Edition(directories, Map.copyOf(rules));
        callersDirectories.replace(directories);
        return directories;
    }

    public Optional<AgencyDirectory> directory(String municipality) {
        return Optional.ofNullable(edition.directories().get(municipality));
    }

    public Optional<RoutingRules> rulesFor(String municipality) {
        return Optional.ofNullable(edition.rules().get(municipality));
    }

    /** The rules of a municipality routing serves; a case of any other cannot have reached routing. */
    public RoutingRules requireRules(String municipality) {
        return rulesFor(municipality).orElseThrow(() ->
                new IllegalStateException("no directory for municipality " + municipality));
    }
}
