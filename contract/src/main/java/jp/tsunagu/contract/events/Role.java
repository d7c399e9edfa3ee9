package jp.tsunagu.contract.events;

import java.util.List;

/**
 * 役割分担: which agency does what for a case.
 *
 * @param responsibility what the agency does, in the words of the minutes or the plan: free text that may name the
 *                       person, so it stays in the service that was given it (meeting's minutes, planning's plan)
 *                       and every event carries the role without it ({@link #withoutText})
 */
public record Role(String agencyId,
                   @MayBeNull("in an event, i.e. always here: the words stay in the service that recorded them") String responsibility) {

    /** The roles as an event carries them: the agencies, never the words (erasure can reach a table, not the log). */
    public static List<Role> withoutText(List<Role> roles) {
        return roles == null ? List.of()
                : roles.stream().map(r -> r.responsibility() == null ? r : new Role(r.agencyId(), null)).toList();
    }
}
