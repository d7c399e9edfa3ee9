package jp.tsunagu.planning.participation;

import jp.tsunagu.contract.events.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 参加支援's matching, without Quarkus: resources ranked by fit with the person's wish (tags), their area and free
 * capacity, each with its reasons. A wish match weighs most (3 a tag), then the area (2), then a free place (1); a
 * full resource is listed last with the reason, so staff can still see it.
 */
public final class Matching {

    static final int PER_TAG = 3;
    static final int AREA = 2;
    static final int FREE = 1;

    private Matching() {
    }

    public record Suggestion(CommunityResource resource, int score, int freePlaces, List<Reason> reasons) {
    }

    /** @param placed resource id → people placed there now */
    public static List<Suggestion> rank(List<String> wishTags, String area, List<CommunityResource> resources,
                                        Map<String, Long> placed) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (CommunityResource r : resources) {
            List<Reason> reasons = new ArrayList<>();
            Set<String> matches = new TreeSet<>(r.tags());
            matches.retainAll(Set.copyOf(wishTags));
            int score = matches.size() * PER_TAG;
            if (!matches.isEmpty()) {
                reasons.add(new Reason("WISH", "本人の願いと一致: " + String.join("、", matches),
                        "matches the wish: " + String.join(", ", matches)));
            }
            if (area != null && r.covers(area)) {
                score += AREA;
                reasons.add(new Reason("AREA", r.wholeCity() ? "市内全域が対象" : area + "が対象地域",
                        r.wholeCity() ? "serves the whole city" : "serves " + area));
            }
            int free = (int) Math.max(0, r.capacity() - placed.getOrDefault(r.id(), 0L));
            if (free > 0) {
                score += FREE;
                reasons.add(new Reason("CAPACITY", "空き " + free + "/" + r.capacity(),
                        free + " of " + r.capacity() + " places free"));
            } else {
                reasons.add(new Reason("FULL", "満員（" + r.capacity() + "人）", "full (" + r.capacity() + ")"));
            }
            if (!matches.isEmpty() || (area != null && r.covers(area))) {
                suggestions.add(new Suggestion(r, free > 0 ? score : -1, free, reasons));
            }
        }
        suggestions.sort(Comparator.comparingInt(Suggestion::score).reversed()
                .thenComparing(Comparator.comparingInt(Suggestion::freePlaces).reversed())
                .thenComparing(s -> s.resource().id()));
        return suggestions;
    }
}
