package jp.tsunagu.planning.participation;

import java.util.List;

/**
 * A place 参加支援 can connect a person to (居場所, 就労先, 地域食堂, コミュニティカフェ, a company that volunteers, a
 * 地域活動支援センター …), in the HSDS-inspired shape of the agency directory: an HSDS service at a location with its
 * service areas, plus {@code tags} (HSDS attributes), {@code capacity} (HSDS 3.1 service_capacity) and a schedule.
 *
 * @param sample true for the shipped examples: they illustrate the kinds the seeds name, not real places
 */
public record CommunityResource(String id, String organizationId, String name, String kind, String description,
                                List<String> tags, boolean wholeCity, List<String> serviceAreas, int capacity,
                                String schedule, boolean sample) {

    public CommunityResource {
        tags = tags == null ? List.of() : List.copyOf(tags);
        serviceAreas = serviceAreas == null ? List.of() : List.copyOf(serviceAreas);
    }

    public boolean covers(String area) {
        return wholeCity || serviceAreas.contains(area);
    }
}
