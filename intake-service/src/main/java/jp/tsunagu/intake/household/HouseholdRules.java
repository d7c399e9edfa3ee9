package jp.tsunagu.intake.household;

import jp.tsunagu.contract.status.CaseProgress;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The decisions about households (世帯), without Quarkus: may these cases be linked, and what may a reader see of a
 * household and of each member. Who may follow a case or read its person is the contract's {@link CaseProgress}
 * rule (statusVisibleTo, sharesPersonWith), asked here, never restated.
 */
public final class HouseholdRules {

    private HouseholdRules() {
    }

    /**
     * A case as linking sees it: its 受付番号, the household it is in now (null: none) with that one's label, and the
     * case it was joined to as the same person's duplicate (null: none; {@link CaseProgress#joinedTo}).
     */
    public record Candidate(String caseId, String caseNumber, String householdId, String householdLabel,
                            String joinedTo) {
    }

    /** Why a link is refused. */
    public sealed interface Refusal {
        /** 422: the request itself cannot be a household (the field and the message). */
        record Invalid(String field, String message) implements Refusal {
        }

        /** 409 household-conflict: the case is already in a household, named by its members' 受付番号. */
        record InHousehold(String caseId, String caseNumber, String householdId, String householdLabel)
                implements Refusal {
        }
    }

    /** The ids a new household is asked for: at least two, each once (a case is not linked to itself). */
    public static Optional<Refusal> newHousehold(List<String> caseIds) {
        if (caseIds == null || caseIds.stream().filter(id -> id != null && !id.isBlank()).count() < 2) {
            return Optional.of(new Refusal.Invalid("caseIds", "世帯には2件以上の案件を指定してください"));
        }
        Set<String> seen = new HashSet<>();
        for (String id : caseIds) {
            if (id == null || id.isBlank()) {
                return Optional.of(new Refusal.Invalid("caseIds", "案件IDが空です"));
            }
            if (!seen.add(id)) {
                return Optional.of(new Refusal.Invalid("caseIds", "同じ案件が2回指定されています（案件を自分自身と"
                        + "世帯にすることはできません）"));
            }
        }
        return Optional.empty();
    }

    /**
     * A case may join a household only when it is in none (not another, and not this one already), and was not
     * joined to another case as a duplicate (its support goes on in that case; a closed case may be linked).
     * {@code field}: the request's field naming the case (caseIds, caseId).
     */
    public static Optional<Refusal> mayJoin(String field, Candidate c) {
        if (c.joinedTo() != null) {
            return Optional.of(new Refusal.Invalid(field, JOINED_CASE));
        }
        return c.householdId() == null ? Optional.empty()
                : Optional.of(new Refusal.InHousehold(c.caseId(), c.caseNumber(), c.householdId(),
                c.householdLabel()));
    }

    static final String JOINED_CASE = "重複として統合された案件は世帯に登録できません";

    /** Who reads: a coordinator of the municipality, or an agency. */
    public record Reader(boolean coordinator, String agencyId) {
    }

    /**
     * What a reader sees of one member: {@code follows}: its plans, meetings and history lines (else only that it
     * exists, its status and who coordinates it); {@code person}: its person's name and birth date.
     */
    public record Sight(boolean follows, boolean person) {
    }

    /** A coordinator reads the household; an agency when it may follow at least one current member's case. */
    public static boolean mayRead(Reader reader, List<CaseProgress> currentMembers) {
        return reader.coordinator() || currentMembers.stream().anyMatch(c -> c.statusVisibleTo(reader.agencyId()));
    }

    /** One member as the reader may see it; an erased person is never shown. */
    public static Sight sight(Reader reader, CaseProgress member, boolean erased) {
        if (reader.coordinator()) {
            return new Sight(true, !erased);
        }
        boolean follows = member.statusVisibleTo(reader.agencyId());
        return new Sight(follows, follows && !erased && member.sharesPersonWith(reader.agencyId()));
    }
}
