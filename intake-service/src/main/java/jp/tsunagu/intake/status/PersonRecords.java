package jp.tsunagu.intake.status;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.db.Database;

import java.util.ArrayList;
import java.util.List;

import static jp.tsunagu.support.db.SqlValues.json;

/**
 * What the status projection keeps of the person as one batch of events goes by: the sealed fields of each referral
 * (still encrypted with the case's data key) and its household's shape; an erasure drops them, and the declining
 * agencies' words about the case in its history.
 */
final class PersonRecords {

    private final List<Tuple> sealed = new ArrayList<>();
    private final List<Tuple> erased = new ArrayList<>();

    void follow(TsunaguEvent event) {
        if (event instanceof IntakeEvent.ReferralReceived r && r.personal() != null) {
            sealed.add(Tuple.of(r.caseId(), json(r.personal()), json(r.household())));
        } else if (event instanceof IntakeEvent.PersonErased e) {
            erased.add(Tuple.of(e.caseId()));
        }
    }

    Uni<Void> write(Database database) {
        return database.updateEach("""
                        insert into person_record(case_id, sealed_json, household_json) values ($1, $2, $3)
                        on conflict (case_id) do nothing""", sealed)
                .chain(() -> database.updateEach("delete from person_record where case_id = $1", erased))
                .chain(() -> database.updateEach("""
                        update case_status_history set referrer_note = '（本人の情報は消去されました）'
                         where case_id = $1 and referrer_note is not null""", erased));
    }
}
