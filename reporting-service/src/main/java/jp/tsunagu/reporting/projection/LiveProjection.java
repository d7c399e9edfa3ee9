package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The projection's writes for a consumed event, in the live schema, inside the inbox's transaction. */
@ApplicationScoped
public class LiveProjection {

    private final SqlRunner live;

    public LiveProjection(@ConfigProperty(name = "tsunagu.db.schema") String schema) {
        this.live = new ReactiveSqlRunner(schema);
    }

    /** The live schema's runner, for the figures' reads. */
    public SqlRunner live() {
        return live;
    }

    public Uni<Void> apply(EventEnvelope<TsunaguEvent> envelope) {
        return live.execute(ReportingProjection.writes(envelope));
    }
}
