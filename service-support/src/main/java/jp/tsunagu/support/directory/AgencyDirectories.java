package jp.tsunagu.support.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.events.RoutingEvent;
import org.jboss.logging.Logger;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The agency directories as every service knows them (routing-service replaces them with each edition it reads
 * itself, see {@link #replace}); the others read them from {@code tsunagu.directory.dir} (or the
 * shipped samples) at start, then following routing's {@code directory-changed} events, so an agency routing can send
 * cases to can also be invited to a meeting, given a plan role or named in the figures, without a restart.
 * {@code StageEventsConsumer} hands it every such event it reads.
 */
@ApplicationScoped
public class AgencyDirectories {

    private static final Logger LOG = Logger.getLogger(AgencyDirectories.class);

    private final Map<String, AgencyDirectory> current;

    public AgencyDirectories(DirectoryConfig config) {
        this.current = new ConcurrentHashMap<>(Directories.load(config.dir()));
    }

    /** The municipality's directory as it stands now. */
    public Optional<AgencyDirectory> of(String municipality) {
        return Optional.ofNullable(municipality == null ? null : current.get(municipality));
    }

    /** The ids of the municipality's agencies (none for a municipality without a directory). */
    public Set<String> agencyIds(String municipality) {
        return of(municipality).map(d -> d.agencies().stream().map(Agency::id).collect(Collectors.toSet()))
                .orElse(Set.of());
    }

    /** The directory's name of an agency, for people to read (empty for an id the directory does not list). */
    public Optional<String> agencyName(String municipality, String agencyId) {
        return agencyId == null ? Optional.empty() : of(municipality).flatMap(d -> d.agencies().stream()
                .filter(a -> a.id().equals(agencyId)).map(Agency::name).findFirst());
    }

    /** Tsunagu serves the municipality: it has a directory. */
    public boolean serves(String municipality) {
        return of(municipality).isPresent();
    }

    /** The agency is in the municipality's directory as it stands now. */
    public boolean lists(String municipality, String agencyId) {
        return of(municipality).map(d -> d.agencies().stream().anyMatch(a -> a.id().equals(agencyId)))
                .orElse(false);
    }

    /**
     * routing-service reads the directory files itself (it announces them): each edition it reads replaces these,
     * so its tokens are checked against the edition it routes with.
     */
    public void replace(Map<String, AgencyDirectory> directories) {
        current.keySet().retainAll(directories.keySet());
        current.putAll(directories);
    }

    /** Every directory by municipality code: a live, read-only view that follows the changes. */
    public Map<String, AgencyDirectory> view() {
        return Collections.unmodifiableMap(current);
    }

    /** The directory routing decides with from now on. */
    public void follow(RoutingEvent.DirectoryChanged changed) {
        if (changed.directory() == null) {
            return;
        }
        AgencyDirectory before = current.put(changed.municipality(), changed.directory());
        if (before == null || !Directories.checksum(before).equals(Directories.checksum(changed.directory()))) {
            LOG.infof("agency directory of %s now %s (from routing's directory-changed)", changed.municipality(),
                    changed.directory().version());
        }
    }
}
