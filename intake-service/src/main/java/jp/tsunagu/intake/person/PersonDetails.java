package jp.tsunagu.intake.person;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.status.CaseProgress;
import jp.tsunagu.intake.status.CaseStatusRecords;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.db.Database;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.Roles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;

import static jp.tsunagu.support.db.SqlValues.fromJson;

/**
 * The person's details on a need-to-know basis: coordinators of the case's municipality, and the agencies
 * {@link CaseProgress#sharesPersonWith} names. Anyone else is told the case does not exist (404); an erased person
 * is 410.
 */
@ApplicationScoped
public class PersonDetails {

    private final CaseStatusRecords statuses;
    private final PersonalDataVault vault;
    private final Database database;
    private final ObjectMapper json;

    public PersonDetails(CaseStatusRecords statuses, PersonalDataVault vault, Database database, ObjectMapper json) {
        this.statuses = statuses;
        this.vault = vault;
        this.database = database;
        this.json = json;
    }

    private record Stored(SealedData sealed, List<HouseholdMember> household) {
    }

    @InTransaction
    public Uni<PersonView> read(Caller caller, String caseId, LocalDate today) {
        return statuses.progress(caseId)
                .map(found -> found.filter(c -> c.municipality().equals(caller.municipality()))
                        .filter(c -> caller.is(Roles.COORDINATOR)
                                || (caller.is(Roles.AGENCY) && c.sharesPersonWith(caller.agencyId())))
                        .orElseThrow(() -> ApiProblem.notFound("person of case " + caseId)))
                .chain(c -> database.first("select sealed_json, household_json from person_record where case_id = $1",
                        row -> new Stored(fromJson(row.getString("sealed_json"), SealedData.class),
                                fromJson(row.getString("household_json"), new TypeReference<List<HouseholdMember>>() {
                                })), caseId))
                .chain(stored -> stored.isEmpty()
                        ? vault.erased(caseId).map(erased -> {
                            throw erased ? gone(caseId) : ApiProblem.notFound("person of case " + caseId);
                        })
                        : vault.open(caseId, stored.get().sealed()).map(plain -> view(caseId,
                                plain.orElseThrow(() -> gone(caseId)), stored.get().household(), today)));
    }

    private PersonView view(String caseId, byte[] plaintext, List<HouseholdMember> household, LocalDate today) {
        PersonalFields p;
        try {
            p = json.readValue(plaintext, PersonalFields.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the case's sealed fields cannot be read", e);
        }
        List<PersonView.Member> members = new java.util.ArrayList<>();
        for (int i = 0; i < household.size(); i++) {
            members.add(PersonView.Member.of(household.get(i), i < p.household().size() ? p.household().get(i) : null));
        }
        return new PersonView(caseId, p.name(), p.nameKana(), p.birthDate(), age(p.birthDate(), today),
                p.address(), p.phone(), p.summary(), members);
    }

    /** Age today from a stored birth date; null without one. */
    public static Integer age(String birthDate, LocalDate today) {
        if (birthDate == null) {
            return null;
        }
        try {
            return Period.between(LocalDate.parse(birthDate), today).getYears();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ApiProblem gone(String caseId) {
        return ApiProblem.gone("the person of case " + caseId + " was erased: their details no longer exist");
    }
}
