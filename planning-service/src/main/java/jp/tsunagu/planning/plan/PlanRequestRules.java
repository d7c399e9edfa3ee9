package jp.tsunagu.planning.plan;

import jp.tsunagu.contract.codes.PlanTexts;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.events.Role;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.Params;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of plan requests as the API takes them: each bad one added to the errors, named. The texts' lengths are
 * the contract's {@link PlanTexts}, which the minutes that give them first are checked against too.
 */
final class PlanRequestRules {

    private PlanRequestRules() {
    }

    static List<Role> roles(List<PlanRequests.RoleRequest> given, AgencyDirectory d, List<FieldError> errors) {
        return roles(given, d, errors, "roles");
    }

    /** The roles, each bad one named under the field (e.g. members[1].roles). */
    static List<Role> roles(List<PlanRequests.RoleRequest> given, AgencyDirectory d, List<FieldError> errors,
                            String field) {
        List<Role> roles = new ArrayList<>();
        List<PlanRequests.RoleRequest> list = given == null ? List.of() : given;
        for (int i = 0; i < list.size(); i++) {
            PlanRequests.RoleRequest r = list.get(i);
            if (r == null || r.agencyId() == null || d == null || d.agency(r.agencyId()).isEmpty()) {
                errors.add(new FieldError(field + "[" + i + "].agencyId", "not an agency of this municipality"));
            } else {
                String responsibility = Params.text(r.responsibility(), field + "[" + i + "].responsibility",
                        PlanTexts.RESPONSIBILITY, true,
                        errors);
                if (responsibility != null) {
                    roles.add(new Role(r.agencyId(), responsibility));
                }
            }
        }
        return roles;
    }

    /** 本人の願い. */
    static String wish(String value, List<FieldError> errors) {
        return text(value, "wish", PlanTexts.WISH, errors);
    }

    static List<String> goals(List<String> values, List<FieldError> errors) {
        return texts(values, "goals", PlanTexts.GOALS, PlanTexts.GOAL, errors);
    }

    static String text(String value, String field, int max, List<FieldError> errors) {
        return Params.text(value, field, max, false, errors);
    }

    static List<String> texts(List<String> values, String field, int maxItems, int maxLength,
                                      List<FieldError> errors) {
        List<String> list = values == null ? List.of() : values;
        if (list.size() > maxItems) {
            errors.add(new FieldError(field, "at most " + maxItems + " items"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String t = text(list.get(i), field + "[" + i + "]", maxLength, errors);
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    static List<String> tags(List<String> values, List<FieldError> errors) {
        return tags(values, errors, "wishTags");
    }

    static List<String> tags(List<String> values, List<FieldError> errors, String field) {
        List<String> list = values == null ? List.of() : values;
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String t = list.get(i);
            if (t == null || !t.matches("[a-z0-9-]{1,40}")) {
                errors.add(new FieldError(field + "[" + i + "]", "lower-case letters, digits and '-', at most 40"));
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
