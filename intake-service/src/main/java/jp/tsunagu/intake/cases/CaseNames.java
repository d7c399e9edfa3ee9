package jp.tsunagu.intake.cases;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.intake.person.PersonalRecords;
import jp.tsunagu.support.audit.AuditTrail;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The person's name and kana in a coordinator's list (案件一覧, 本人検索), opened from the vault only when she asks
 * ({@code withNames}), and each such read recorded in the audit trail: who, the filter (codes, dates, areas; a search
 * says which fields it was given, never the name typed) and the case ids the page returned.
 */
@ApplicationScoped
public class CaseNames {

    /** The audit action of a case list read with names. */
    public static final String LIST_ACTION = "list-cases-with-names";

    private final PersonalRecords persons;
    private final AuditTrail audit;
    private final ObjectMapper json;

    public CaseNames(PersonalRecords persons, AuditTrail audit, ObjectMapper json) {
        this.persons = persons;
        this.audit = audit;
        this.json = json;
    }

    /**
     * The items with names, the read audited as {@code action} on the caller's municipality's cases. Only
     * coordinators (the endpoints' role; checked again here, as the rule is this class's).
     */
    public Uni<List<CaseList.Item>> named(Caller caller, String action, Map<String, Object> filter,
                                         List<CaseList.Item> items) {
        if (!caller.is(Roles.COORDINATOR)) {
            throw new IllegalStateException("names are read by coordinators only");
        }
        return audit.around(caller, action, "cases/" + caller.municipality(), named -> detail(filter, named),
                read(items));
    }

    /** The items with names, for a read its caller audits (本人検索 records its own entry). */
    public Uni<List<CaseList.Item>> read(List<CaseList.Item> items) {
        return persons.of(items.stream().map(CaseList.Item::caseId).toList())
                .map(found -> items.stream().map(item -> {
                    PersonalFields p = found.get(item.caseId());
                    return p == null ? item : item.withName(p.name(), p.nameKana());
                }).toList());
    }

    private String detail(Map<String, Object> filter, List<CaseList.Item> items) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("filter", filter);
        detail.put("caseIds", items.stream().map(CaseList.Item::caseId).toList());
        try {
            return json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit detail", e);
        }
    }
}
