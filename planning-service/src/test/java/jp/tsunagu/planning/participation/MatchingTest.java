package jp.tsunagu.planning.participation;

import jp.tsunagu.contract.events.Reason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MatchingTest {

    static final List<CommunityResource> KURUME = ResourceCatalog.forMunicipality("402036", Optional.empty())
            .orElseThrow().resources();

    @Test
    void theMarathonWishFindsTheRunningTeamFirstWithItsReasons() {
        var ranked = Matching.rank(List.of("running", "marathon"), "荒木", KURUME, Map.of());
        Matching.Suggestion first = ranked.get(0);
        assertEquals("kurume-res-running-team", first.resource().id());
        assertEquals(3 * 2 + 2 + 1, first.score());
        List<String> rules = first.reasons().stream().map(Reason::rule).toList();
        assertEquals(List.of("WISH", "AREA", "CAPACITY"), rules);
        assertTrue(first.reasons().get(0).detailJa().contains("running"));
    }

    @Test
    void theAreaCountsWhenNoWishMatches() {
        var ranked = Matching.rank(List.of("knitting"), "荒木", KURUME, Map.of());
        assertEquals("kurume-res-cafe-araki", ranked.get(0).resource().id(), "a place in the person's own area");
        assertTrue(ranked.stream().noneMatch(s -> s.resource().id().equals("kurume-res-shokudo")),
                "neither wish nor area: not suggested");
    }

    @Test
    void aFullResourceIsListedLastWithTheReason() {
        var ranked = Matching.rank(List.of("running"), "荒木", KURUME, Map.of("kurume-res-running-team", 5L));
        Matching.Suggestion last = ranked.get(ranked.size() - 1);
        assertEquals("kurume-res-running-team", last.resource().id());
        assertEquals(0, last.freePlaces());
        assertTrue(last.reasons().stream().anyMatch(r -> r.rule().equals("FULL")));
    }

    @Test
    void theShippedCatalogSaysItIsASample() {
        var catalog = ResourceCatalog.forMunicipality("402036", Optional.empty()).orElseThrow();
        assertTrue(catalog.sample());
        assertTrue(catalog.resources().stream().allMatch(CommunityResource::sample));
    }
}
