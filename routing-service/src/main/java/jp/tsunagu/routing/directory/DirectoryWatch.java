package jp.tsunagu.routing.directory;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.routing.topic.RoutingEvents;
import jp.tsunagu.support.clock.BusinessClock;
import jp.tsunagu.support.db.Database;
import org.jboss.logging.Logger;

/**
 * Announces every directory edition that takes effect as a {@code directory-changed} event carrying the whole
 * directory, once per edition (by checksum), so a replay knows which directory each decision used.
 */
@ApplicationScoped
public class DirectoryWatch {

    private static final Logger LOG = Logger.getLogger(DirectoryWatch.class);

    private final DirectoryCatalog catalog;
    private final RoutingEvents events;
    private final Database database;
    private final BusinessClock clock;

    public DirectoryWatch(DirectoryCatalog catalog, RoutingEvents events, Database database, BusinessClock clock) {
        this.clock = clock;
        this.catalog = catalog;
        this.events = events;
        this.database = database;
    }

    @Scheduled(every = "${tsunagu.directory.check-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> check() {
        return Multi.createFrom().iterable(catalog.reload().values())
                .onItem().transformToUniAndConcatenate(this::announceIfNew)
                .collect().asList().replaceWithVoid()
                // right after start-up the outgoing channel may not be ready yet
                .onFailure().retry().withBackOff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10))
                .atMost(5)
                .onFailure().invoke(e -> LOG.warn("directory check failed; it runs again", e))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> announceIfNew(AgencyDirectory directory) {
        String checksum = Directories.checksum(directory);
        return database.inTransaction(() -> database.first(
                        "select checksum from directory_state where municipality = $1",
                        row -> row.getString(0).trim(), directory.municipality())
                .chain(announced -> announced.filter(checksum::equals).isPresent()
                        ? Uni.createFrom().voidItem()
                        : events.publish("directory/" + directory.municipality() + "/" + checksum,
                                        new RoutingEvent.DirectoryChanged(directory.municipality(),
                                                Directories.versionOf(directory), checksum, directory),
                                        clock.today(), "directory-file")
                                .chain(() -> database.update("""
                                                insert into directory_state(municipality, directory_version, checksum)
                                                values ($1, $2, $3) on conflict (municipality) do update
                                                set directory_version = excluded.directory_version,
                                                    checksum = excluded.checksum, published_at = now()""",
                                        directory.municipality(), Directories.versionOf(directory), checksum))
                                .invoke(() -> LOG.infof("directory %s of %s announced",
                                        Directories.versionOf(directory), directory.municipality()))
                                .replaceWithVoid()));
    }
}
