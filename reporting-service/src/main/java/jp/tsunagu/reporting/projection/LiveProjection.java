package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.db.DbConfig;
import jp.tsunagu.support.events.StageProjection;

import java.util.List;

/** The projection's writes for a consumed batch, in the live schema, inside the batch's transaction. */
@ApplicationScoped
public class LiveProjection implements StageProjection {

    private final SqlRunner live;

    public LiveProjection(Database database, DbConfig db) {
        this.live = new ReactiveSqlRunner(database, db.schema());
    }

    /** The live schema's runner, for the figures' reads. */
    public SqlRunner live() {
        return live;
    }

    @Override
    public String consumer() {
        return "reporting";
    }

    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        return ProjectionBatch.apply(live, events);
    }
}
