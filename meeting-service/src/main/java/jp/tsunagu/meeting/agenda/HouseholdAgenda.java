package jp.tsunagu.meeting.agenda;

import jp.tsunagu.contract.household.HouseholdLabel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Households (世帯) on agendas, as pure functions: which members of a household a meeting takes as one item
 * ({@link #choose}, each case by {@link AgendaDecider#choiceRefusal} and {@link AgendaDecider#chosen}, as one case put
 * on an agenda), which cases of an agenda form a household item ({@link #items}), the item's label and order.
 */
public final class HouseholdAgenda {

    private HouseholdAgenda() {
    }

    /** A current member of a household as meeting-service knows it (household-linked). */
    public record Member(String caseId, String householdId, String municipality, String caseNumber) {
    }

    /**
     * The label of a household's item on one meeting: {@link HouseholdLabel} (the one rule) of the 受付番号 of its
     * cases in that item only, not of members that are not on the meeting.
     *
     * @param itemOf  the household item of each case of the meeting in one ({@link #items})
     * @param members the household's current members (their 受付番号)
     */
    public static String itemLabel(String householdId, Map<String, String> itemOf, List<Member> members) {
        return HouseholdLabel.of(members.stream().filter(m -> householdId.equals(itemOf.get(m.caseId())))
                .map(Member::caseNumber).toList());
    }

    /** What a request to put a household on a meeting's agenda comes to. */
    public sealed interface Decision {
        /** No waiting member may go on the meeting: nothing changes (the first member's refusal). */
        record Refused(AgendaDecider.Refusal refusal) implements Decision {
        }

        /** No member waits for a review (household-nothing-waiting): nothing changes. */
        record NothingWaiting(String householdId) implements Decision {
            public String english() {
                return "household " + householdId + ": no member case waits for a review (each must be escalated to "
                        + "multi-agency coordination and not yet reviewed)";
            }
        }

        /**
         * The members that wait, as they are now on the meeting's agenda (the item), those of them that moved there
         * (to be saved and told as case-queued; a member already on it does not move), and the waiting members the
         * meeting may not take, each with its own refusal (they stay where they wait).
         */
        record Chosen(List<CaseTrack> item, List<CaseTrack> moved, List<NotPlaced> notPlaced) implements Decision {
        }
    }

    /** A waiting member the meeting may not take (typically wrong-track: no consent for a 重層的支援会議). */
    public record NotPlaced(String caseId, AgendaDecider.Refusal refusal) {
    }

    /**
     * The household on the meeting's agenda: every member that waits for a review (escalated, queued, not joined to
     * another case) and that the meeting may take, each checked and placed as {@code PUT /cases/{caseId}/agenda}
     * does. Members that do not wait are left as they are; a waiting member the meeting may not take (the 8050
     * household's son without consent at a 重層的支援会議) is not placed and says why, and the others still are.
     * Refused only when no waiting member is on the meeting afterwards, with the first member's refusal.
     *
     * @param members the household's current members, with their tracks (empty: never escalated nor known here)
     */
    public static Decision choose(String householdId, Map<String, Optional<CaseTrack>> members, Meeting m,
                                  LocalDate today) {
        List<CaseTrack> waiting = members.values().stream().flatMap(Optional::stream)
                .filter(HouseholdAgenda::waits).sorted(Comparator.comparing(CaseTrack::caseId)).toList();
        if (waiting.isEmpty()) {
            return new Decision.NothingWaiting(householdId);
        }
        List<CaseTrack> item = new ArrayList<>();
        List<CaseTrack> moved = new ArrayList<>();
        List<NotPlaced> notPlaced = new ArrayList<>();
        for (CaseTrack t : waiting) {
            if (m.meetingId().equals(t.meetingId())) {
                item.add(t);
                continue;
            }
            Optional<AgendaDecider.Refusal> refusal = AgendaDecider.choiceRefusal(t, m, today);
            if (refusal.isPresent()) {
                notPlaced.add(new NotPlaced(t.caseId(), refusal.get()));
                continue;
            }
            CaseTrack chosen = AgendaDecider.chosen(t, m);
            item.add(chosen);
            moved.add(chosen);
        }
        if (item.isEmpty()) {
            return new Decision.Refused(notPlaced.getFirst().refusal());
        }
        return new Decision.Chosen(List.copyOf(item), List.copyOf(moved), List.copyOf(notPlaced));
    }

    /** Waits for a review: escalated to a track, queued, not joined to another case. */
    static boolean waits(CaseTrack t) {
        return t.track() != null && t.queued() && !t.joined();
    }

    /**
     * The household item each case of an agenda belongs to: a case is in its household's item when a coordinator put
     * it there with its household, or when another member of its household is on the same agenda (a household whose
     * members are queued on the same meeting anyway is one item too). Cases alone are absent.
     *
     * @param agenda      the agenda's case ids
     * @param householdOf the current household of those that have one
     * @param putWith     the household each was put on this meeting's agenda with (PUT /households/{id}/agenda)
     */
    public static Map<String, String> items(List<String> agenda, Map<String, String> householdOf,
                                            Map<String, String> putWith) {
        Map<String, Long> onAgenda = new HashMap<>();
        agenda.stream().map(householdOf::get).filter(h -> h != null).forEach(h -> onAgenda.merge(h, 1L, Long::sum));
        Map<String, String> items = new LinkedHashMap<>();
        for (String caseId : agenda) {
            String h = householdOf.get(caseId);
            if (h != null && (onAgenda.get(h) > 1 || h.equals(putWith.get(caseId)))) {
                items.put(caseId, h);
            }
        }
        return items;
    }

    /**
     * The agenda with each household's members adjacent, where its first member stands; the rest keeps its order.
     */
    public static <T> List<T> adjacent(List<T> agenda, Function<T, String> caseId, Map<String, String> items) {
        Map<String, List<T>> byItem = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>();
        for (T entry : agenda) {
            String h = items.get(caseId.apply(entry));
            if (h == null) {
                order.add(List.of(entry));
            } else {
                byItem.computeIfAbsent(h, k -> {
                    List<T> members = new ArrayList<>();
                    order.add(members);
                    return members;
                }).add(entry);
            }
        }
        List<T> result = new ArrayList<>();
        for (Object group : order) {
            @SuppressWarnings("unchecked") List<T> entries = (List<T>) group;
            result.addAll(entries);
        }
        return result;
    }
}
