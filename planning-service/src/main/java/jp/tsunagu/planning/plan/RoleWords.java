package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.events.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The roles a completion gives (PUT /plans/{planId}/details) against the roles the plan's version has, without
 * Quarkus. A plan made or revised by a meeting's review knows the roles' agencies but not their words: the review's
 * event carries no personal text ({@link Role#withoutText}), and the minutes keep it. A completion may give those words
 * afterwards, for the same agencies; it may not add or remove an agency, nor change words already written: both are a
 * 再プラン.
 */
final class RoleWords {

    private RoleWords() {
    }

    /** How the given roles meet the version's. */
    sealed interface Fit {
        /** The version has no roles: the given ones are its roles, agencies and words. */
        record New(List<Role> roles) implements Fit {
        }

        /** The version's roles, in their order, with the words they lacked filled in. */
        record Words(List<Role> roles) implements Fit {
        }

        /** Every role of the version already has its words: the roles are set. */
        record AlreadySet() implements Fit {
        }

        /** Not the version's agencies, each once (the caller's 409: adding or removing one is a 再プラン). */
        record OtherAgencies(List<String> agencies) implements Fit {
        }

        /** Other words than those the agency's role has (the caller's 409: changing them is a 再プラン). */
        record Overwrites(String agencyId) implements Fit {
        }
    }

    /**
     * @param current the version's roles (a meeting's have agencies without words)
     * @param given   the completion's roles, each with its words
     */
    static Fit fit(List<Role> current, List<Role> given) {
        if (current.isEmpty()) {
            return new Fit.New(given);
        }
        if (current.stream().allMatch(RoleWords::hasWords)) {
            return new Fit.AlreadySet();
        }
        List<String> agencies = current.stream().map(Role::agencyId).sorted().toList();
        if (!agencies.equals(given.stream().map(Role::agencyId).sorted().toList())) {
            return new Fit.OtherAgencies(current.stream().map(Role::agencyId).toList());
        }
        List<Role> left = new ArrayList<>(given);
        List<Role> filled = new ArrayList<>();
        for (Role role : current) {
            Role words = left.remove(indexOf(left, role.agencyId()));
            if (hasWords(role) && !Objects.equals(role.responsibility(), words.responsibility())) {
                return new Fit.Overwrites(role.agencyId());
            }
            filled.add(hasWords(role) ? role : new Role(role.agencyId(), words.responsibility()));
        }
        return new Fit.Words(filled);
    }

    /** Whether the role carries its words (an erased one carries the marker that replaced them). */
    static boolean hasWords(Role role) {
        return role.responsibility() != null && !role.responsibility().isBlank();
    }

    private static int indexOf(List<Role> roles, String agencyId) {
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).agencyId().equals(agencyId)) {
                return i;
            }
        }
        throw new IllegalStateException("the agencies were compared: " + agencyId);
    }
}
