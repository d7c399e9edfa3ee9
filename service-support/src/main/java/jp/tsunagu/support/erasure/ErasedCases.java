package jp.tsunagu.support.erasure;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.vertx.mutiny.sqlclient.Tuple;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.problem.ApiProblem;

import java.util.Collection;
import java.util.List;

/**
 * The cases whose person was erased, as this service learnt it from {@code person-erased}. Once erased, free text
 * about the case (a note, a reason, a wish, a role's words) is refused with 410: it would be written after the one
 * erasure that could have reached it, and stay for good.
 */
@ApplicationScoped
public class ErasedCases {

    /** What an erased free text reads as, wherever it was written over. */
    public static final String WRITTEN_OVER = "（本人の情報は消去されました）";

    private final Database database;

    public ErasedCases(Database database) {
        this.database = database;
    }

    /** Remembers that the case's person was erased (again is harmless: the event may be read twice). */
    public Uni<Void> record(String caseId) {
        return database.update("insert into erased_case(case_id) values ($1) on conflict do nothing", caseId)
                .replaceWithVoid();
    }

    /** {@link #record(String)} for each case, in one pipelined statement. */
    public Uni<Void> recordAll(List<String> caseIds) {
        return database.updateEach("insert into erased_case(case_id) values ($1) on conflict do nothing",
                caseIds.stream().map(Tuple::of).toList());
    }

    /** Whether the case's person was erased. */
    public Uni<Boolean> isErased(String caseId) {
        return database.first("select 1 from erased_case where case_id = $1", row -> true, caseId)
                .map(found -> found.isPresent());
    }

    /** Fails with 410 {@code person-erased} when any of the cases was erased; answers when none was. */
    public Uni<Void> refuseTextAbout(Collection<String> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return database.list("select case_id from erased_case where case_id = any($1) order by case_id",
                        row -> row.getString(0), (Object) caseIds.toArray(String[]::new))
                .invoke(erased -> {
                    if (!erased.isEmpty()) {
                        throw erased(erased);
                    }
                }).replaceWithVoid();
    }

    /** {@link #refuseTextAbout(Collection)} for one case. */
    public Uni<Void> refuseTextAbout(String caseId) {
        return refuseTextAbout(List.of(caseId));
    }

    /**
     * SQL for a JSON column of roles ({@code [{agencyId, responsibility}]}) with each agency kept and each
     * responsibility (the minutes' or the plan's words) written over with the text parameter {@code marker}.
     */
    public static String rolesWrittenOver(String column, String marker) {
        return """
                (select coalesce(json_agg(json_build_object('agencyId', role->>'agencyId', 'responsibility',
                            case when role->>'responsibility' is null then null else %s::varchar end))::text, '[]')
                   from json_array_elements(%s::json) role)""".formatted(marker, column);
    }

    static ApiProblem erased(List<String> caseIds) {
        return ApiProblem.personErased("the person of case " + String.join(", ", caseIds)
                + " was erased: nothing more may be written about them (counts and dates stay)");
    }
}
