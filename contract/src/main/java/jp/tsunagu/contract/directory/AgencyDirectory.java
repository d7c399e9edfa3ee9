package jp.tsunagu.contract.directory;

import java.util.List;
import java.util.Optional;

/**
 * A municipality's directory of agencies, in a shape inspired by Open Referral HSDS. It travels whole in the
 * {@code directory-changed} event, so a replay knows exactly which directory a past routing decision used.
 *
 * @param version a label the city chooses for this edition (e.g. {@code 2024-04-01}); decisions name it
 * @param sample  true while names or area lists are placeholders (see each agency's flags)
 * @param areas   every area (校区 / 圏域) a referral may name
 */
public record AgencyDirectory(String municipality, String municipalityName, String version, boolean sample,
                              String note, List<String> areas, List<Organization> organizations,
                              List<Agency> agencies) {

    public AgencyDirectory {
        areas = areas == null ? List.of() : List.copyOf(areas);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }

    public Optional<Agency> agency(String id) {
        return agencies.stream().filter(a -> a.id().equals(id)).findFirst();
    }
}
