package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.household.HouseholdLabel;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The households (世帯) in a meeting's minutes, as pure functions: which reviews are written with a householdId (those
 * of cases on the agenda as a household item), and the notes on each household the minutes may carry.
 */
public final class HouseholdMinutes {

    /** The most characters of a household's note (as a review's note). */
    public static final int NOTE = 2000;

    private HouseholdMinutes() {
    }

    /** A household discussed as one item: its label as the minutes keep it, and what they say of it (or null). */
    public record Household(String householdId, String label, String note) {
        @Override
        public String toString() {
            return "Household[" + householdId + ", note not shown]"; // confidential
        }
    }

    /**
     * A household's note as a version of the minutes wrote it (the recording writes every household, a correction
     * those whose note it changed).
     */
    public record Versioned(int version, Household household) {
    }

    /** The households as the minutes stood at {@code version}: each as the latest version up to it wrote it. */
    public static List<Household> asOf(List<Versioned> written, int version) {
        Map<String, Household> latest = new LinkedHashMap<>();
        written.stream().filter(w -> w.version() <= version)
                .forEach(w -> latest.put(w.household().householdId(), w.household())); // oldest first
        return List.copyOf(latest.values());
    }

    /**
     * The households of the minutes, or what is wrong with their notes (households[i].householdId, .note).
     *
     * @param householdOf the household each reviewed case was discussed with ({@link #householdOf})
     */
    public record Result(List<Household> households, Map<String, String> householdOf, List<FieldError> errors) {
    }

    /**
     * The household each reviewed case was discussed with: the item it is in on the meeting's agenda
     * ({@code HouseholdAgenda.items}); a case reviewed without being on the agenda, or on its own, has none.
     *
     * @param itemOf the household item of each case of the agenda in one
     */
    public static Map<String, String> householdOf(Collection<String> reviewed, Map<String, String> itemOf) {
        Map<String, String> of = new LinkedHashMap<>();
        reviewed.stream().filter(itemOf::containsKey).forEach(c -> of.put(c, itemOf.get(c)));
        return of;
    }

    /**
     * The households the minutes keep: every household item with a member reviewed, in the order its first member
     * was reviewed, each with its note. A note must name a household item of the agenda, once.
     *
     * @param notes    the request's notes (null: none)
     * @param reviewed the cases reviewed, in the order discussed
     * @param itemOf   the household item of each case of the agenda in one
     * @param labelOf  the label of a household (世帯（R8-000001・R8-000007）)
     */
    public static Result check(List<MinutesRequest.HouseholdNoteRequest> notes, List<String> reviewed,
                               Map<String, String> itemOf, Function<String, String> labelOf) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> noteOf = new LinkedHashMap<>();
        Set<String> items = new HashSet<>(itemOf.values());
        List<MinutesRequest.HouseholdNoteRequest> given = notes == null ? List.of() : notes;
        for (int i = 0; i < given.size(); i++) {
            MinutesRequest.HouseholdNoteRequest n = given.get(i);
            String field = "households[" + i + "]";
            if (n == null || n.householdId() == null || n.householdId().isBlank()) {
                errors.add(new FieldError(field + ".householdId", "required"));
                continue;
            }
            if (!items.contains(n.householdId())) {
                errors.add(new FieldError(field + ".householdId", "not a household item on this meeting's agenda"));
                continue;
            }
            if (noteOf.containsKey(n.householdId())) {
                errors.add(new FieldError(field + ".householdId", "the same household twice in one minutes"));
                continue;
            }
            noteOf.put(n.householdId(), Params.text(n.note(), field + ".note", NOTE, false, errors));
        }
        List<Household> households = new ArrayList<>();
        for (String h : new LinkedHashMap<>(householdOf(reviewed, itemOf)).values().stream().distinct().toList()) {
            households.add(new Household(h, labelOf.apply(h), noteOf.get(h)));
        }
        noteOf.keySet().stream().filter(h -> households.stream().noneMatch(x -> x.householdId().equals(h)))
                .forEach(h -> errors.add(new FieldError("households[" + indexOf(given, h) + "].householdId",
                        "none of the household's cases is reviewed in these minutes")));
        return new Result(List.copyOf(households), householdOf(reviewed, itemOf), List.copyOf(errors));
    }

    /**
     * The label of a household in the minutes: {@link HouseholdLabel} (the one rule) of the 受付番号 of its cases
     * reviewed with it at this meeting, not of members that were not on it.
     *
     * @param householdOf the household each review was discussed with ({@link #householdOf})
     * @param caseNumbers the 受付番号 of the cases that have one
     */
    public static String label(String householdId, Map<String, String> householdOf, Map<String, String> caseNumbers) {
        return HouseholdLabel.of(householdOf.entrySet().stream().filter(e -> householdId.equals(e.getValue()))
                .map(e -> caseNumbers.get(e.getKey())).toList());
    }

    /**
     * A correction of the households' notes (議事録の訂正), checked as the minutes check them: each names a household the
     * minutes discussed as one item, once, and its note (at most {@link #NOTE} characters) replaces the one recorded;
     * an empty note empties it, an absent one keeps it. The households whose note changes, with their new note.
     *
     * @param given   the correction's {@code households} (null: none)
     * @param current the households the minutes discussed, as their current version keeps them
     * @param errors  where what is wrong goes ({@code households[i].householdId}, {@code .note})
     */
    public static List<Household> corrected(List<MinutesRequest.HouseholdNoteRequest> given, List<Household> current,
                                            List<FieldError> errors) {
        Map<String, Household> recorded = new LinkedHashMap<>();
        current.forEach(h -> recorded.put(h.householdId(), h));
        Map<String, Household> corrected = new LinkedHashMap<>();
        List<MinutesRequest.HouseholdNoteRequest> notes = given == null ? List.of() : given;
        for (int i = 0; i < notes.size(); i++) {
            MinutesRequest.HouseholdNoteRequest n = notes.get(i);
            String field = "households[" + i + "]";
            if (n == null || n.householdId() == null || n.householdId().isBlank()) {
                errors.add(new FieldError(field + ".householdId", "required"));
                continue;
            }
            Household before = recorded.get(n.householdId());
            if (before == null) {
                errors.add(new FieldError(field + ".householdId", "not a household item on this meeting's agenda"));
                continue;
            }
            if (corrected.containsKey(n.householdId())) {
                errors.add(new FieldError(field + ".householdId", "the same household twice in one minutes"));
                continue;
            }
            String note = n.note() == null ? before.note()
                    : Params.text(n.note(), field + ".note", NOTE, false, errors);
            corrected.put(n.householdId(), new Household(before.householdId(), before.label(), note));
        }
        return current.stream().map(h -> corrected.get(h.householdId()))
                .filter(h -> h != null && !Objects.equals(h.note(), recorded.get(h.householdId()).note())).toList();
    }

    private static int indexOf(List<MinutesRequest.HouseholdNoteRequest> given, String householdId) {
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) != null && householdId.equals(given.get(i).householdId())) {
                return i;
            }
        }
        return -1;
    }
}
