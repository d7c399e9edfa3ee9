package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.events.Role;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 未記入の補完, without Quarkus: details the plan's current version lacks are filled in without a 再プラン (after the
 * meeting that adopted it, say), never overwriting one it has; the roles' words follow {@link RoleWords}. Its refusal
 * and its result are {@link PlanDecider}'s to decide (PlanCommand.Complete → PlanEvent.DetailsCompleted).
 */
public final class PlanCompletion {

    private PlanCompletion() {
    }

    /**
     * Details to fill in where the plan's current version has none (after the meeting that adopted it, say): not a
     * 再プラン. A null or empty part is not given.
     */
    public record Completion(String wish, List<String> wishTags, List<String> goals, List<Role> roles,
                             LocalDate reviewOn) {

        /** The details it gives, by name. */
        public List<String> named() {
            List<String> named = new ArrayList<>();
            if (wish != null) {
                named.add("wish");
            }
            if (wishTags != null && !wishTags.isEmpty()) {
                named.add("wishTags");
            }
            if (goals != null && !goals.isEmpty()) {
                named.add("goals");
            }
            if (roles != null && !roles.isEmpty()) {
                named.add("roles");
            }
            if (reviewOn != null) {
                named.add("reviewOn");
            }
            return named;
        }
    }

    /**
     * The details of the current version that a completion would overwrite. Roles count as set when each has its
     * words: a meeting's roles (agencies without words) take their words from a completion ({@link RoleWords}).
     */
    static List<String> alreadySet(Plan.Version v, Completion c) {
        List<String> set = new ArrayList<>();
        for (String detail : c.named()) {
            boolean has = switch (detail) {
                case "wish" -> v.wish() != null;
                case "wishTags" -> !v.wishTags().isEmpty();
                case "goals" -> !v.goals().isEmpty();
                case "roles" -> RoleWords.fit(v.roles(), c.roles()) instanceof RoleWords.Fit.AlreadySet;
                case "reviewOn" -> v.reviewOn() != null;
                default -> throw new IllegalStateException(detail);
            };
            if (has) {
                set.add(detail);
            }
        }
        return set;
    }

    /**
     * Why the plan's current version cannot be completed so, if it cannot: only details it does not have (a role's
     * words where the role has none, for the same agencies), and only while it runs.
     */
    static Optional<String> refusal(Plan plan, Completion completion) {
        if (plan.isClosed()) {
            return Optional.of("plan " + plan.planId() + " was closed on " + plan.closedOn());
        }
        if (completion.named().isEmpty()) {
            return Optional.of("nothing to complete: give wish, wishTags, goals, roles or reviewOn");
        }
        Plan.Version v = plan.current();
        List<String> set = alreadySet(v, completion);
        if (!set.isEmpty()) {
            return Optional.of("version " + v.version() + " already has " + String.join(", ", set)
                    + ": changing them is a revision (再プラン, POST /plans/" + plan.planId() + "/revisions)");
        }
        if (!completion.named().contains("roles")) {
            return Optional.empty();
        }
        return switch (RoleWords.fit(v.roles(), completion.roles())) {
            case RoleWords.Fit.OtherAgencies o -> Optional.of("version " + v.version() + " has roles for "
                    + String.join(", ", o.agencies()) + ": give the responsibility of each of these agencies once and "
                    + "of no other; adding or removing an agency is a revision (再プラン, POST /plans/" + plan.planId()
                    + "/revisions)");
            case RoleWords.Fit.Overwrites o -> Optional.of("version " + v.version() + " already has the "
                    + "responsibility of " + o.agencyId() + ": changing it is a revision (再プラン, POST /plans/"
                    + plan.planId() + "/revisions)");
            default -> Optional.empty();
        };
    }

    /** The current version with the completion's details filled in (the same version number). */
    public static Plan.Version completed(Plan.Version v, Completion c) {
        List<Role> roles = c.roles() == null || c.roles().isEmpty() ? v.roles()
                : switch (RoleWords.fit(v.roles(), c.roles())) {
                    case RoleWords.Fit.New n -> n.roles();
                    case RoleWords.Fit.Words w -> w.roles();
                    default -> v.roles(); // refused by decide
                };
        return new Plan.Version(v.version(), v.madeOn(), v.reason(), c.wish() != null ? c.wish() : v.wish(),
                c.wishTags() != null && !c.wishTags().isEmpty() ? c.wishTags() : v.wishTags(),
                c.goals() != null && !c.goals().isEmpty() ? c.goals() : v.goals(), roles,
                c.reviewOn() != null ? c.reviewOn() : v.reviewOn(), v.subjects());
    }

    /**
     * The roles a completion announces (plan-details-completed): those it gave a version that had none. Words given
     * to the roles the version already names announce nothing: no agency is new, and words never go on the log.
     */
    public static List<Role> newRoles(Plan.Version before, Completion c) {
        return c.roles() != null && !c.roles().isEmpty() && before.roles().isEmpty() ? c.roles() : List.of();
    }
}
