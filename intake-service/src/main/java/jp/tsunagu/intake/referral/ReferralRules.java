package jp.tsunagu.intake.referral;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.intake.person.PersonalFields;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.problem.Params;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Every check a referral must pass before it becomes an event, in one place and without Quarkus. All problems are
 * collected so an agency fixes its request in one round trip. Messages never quote the submitted value (it may be
 * personal); they say what is allowed.
 */
public final class ReferralRules {

    static final int MAX_NAME = 100;
    static final int MAX_ADDRESS = 200;
    static final int MAX_SUMMARY = 2000;
    static final int MAX_HOUSEHOLD = 20;
    static final int MAX_AGE = 130;
    private static final Pattern AGENCY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern PHONE = Pattern.compile("[0-9+()\\- ]{6,20}");
    private static final LocalDate EARLIEST = LocalDate.of(2000, 4, 1);
    static final String NUMBER_NOT_TEXT = "must be a JSON number, not text (no quotes)";

    private final Map<String, AgencyDirectory> directories;

    /** @param directories per municipality code: the areas a referral may name come from its directory */
    public ReferralRules(Map<String, AgencyDirectory> directories) {
        this.directories = directories;
    }

    /** The outcome: a valid referral, or the list of what is wrong. */
    public sealed interface Result {
        record Valid(ValidReferral referral) implements Result {
        }

        record Invalid(List<FieldError> errors) implements Result {
        }
    }

    /**
     * @param callerAgency the agency of an agency token (its referrals are always its own), else null
     * @param today        the business date today in Asia/Tokyo
     */
    public Result check(ReferralRequest r, String municipalityCode, String callerAgency, LocalDate today) {
        // bounded: a body of 30,000 bad codes keeps the first errors and counts the rest
        List<FieldError> errors = new FieldErrors();
        AgencyDirectory municipality = directories.get(municipalityCode);
        if (municipality == null) {
            errors.add(new FieldError("municipality", "this municipality has no Tsunagu data; known: "
                    + String.join(", ", directories.keySet())));
            return new Result.Invalid(errors);
        }

        String agency = r.referringAgencyId();
        if (agency != null && !AGENCY_ID.matcher(agency).matches()) {
            errors.add(new FieldError("referringAgencyId", "1-64 letters, digits, '.', '_' or '-'"));
        } else if (callerAgency != null && agency != null && !agency.equals(callerAgency)) {
            errors.add(new FieldError("referringAgencyId", "an agency may only refer as itself"));
        }
        if (agency == null) {
            agency = callerAgency;
        }

        LocalDate receivedOn = today;
        if (r.receivedOn() != null) {
            receivedOn = Params.date(r.receivedOn(), "receivedOn", true, errors);
            if (receivedOn != null && receivedOn.isAfter(today)) {
                errors.add(new FieldError("receivedOn", "must not be in the future"));
            } else if (receivedOn != null && receivedOn.isBefore(EARLIEST)) {
                errors.add(new FieldError("receivedOn", "must be on or after " + EARLIEST));
            }
        }

        Channel channel = code(Channel.class, r.channel(), "channel", true, errors);
        Consent consent = code(Consent.class, r.consent(), "consent", true, errors);
        Urgency urgency = code(Urgency.class, r.urgency(), "urgency", true, errors);

        List<Concern> concerns = concerns(r.concerns(), "concerns", true, errors);

        AgeBand ageBand = null;
        String area = null;
        PersonalFields personal = null;
        ReferralRequest.PersonRequest p = r.person();
        if (p == null) {
            errors.add(new FieldError("person", "required"));
        } else {
            String name = Params.name(p.name(), "person.name", MAX_NAME, true, errors);
            String kana = Params.name(p.nameKana(), "person.nameKana", MAX_NAME, false, errors);
            String address = Params.text(p.address(), "person.address", MAX_ADDRESS, false, errors);
            String phone = phone(p.phone());
            if (phone != null && !PHONE.matcher(phone).matches()) {
                errors.add(new FieldError("person.phone", "6-20 characters of digits, spaces, +, -, ( and )"));
            }
            Integer age = age(p.age(), "person.age", errors);
            LocalDate birthDate = Params.japaneseDate(p.birthDate(), "person.birthDate", false, errors);
            LocalDate on = receivedOn == null ? today : receivedOn;
            if (birthDate != null && birthDate.isAfter(on)) {
                errors.add(new FieldError("person.birthDate", "must not be after receivedOn"));
                birthDate = null;
            } else if (birthDate != null && AgeBand.ageOn(birthDate, on) > MAX_AGE) {
                errors.add(new FieldError("person.birthDate", "gives an age over " + MAX_AGE));
                birthDate = null;
            }
            if ((p.birthDate() == null || p.birthDate().isBlank()) && p.age() == null) { // "" is no birth date
                errors.add(new FieldError("person.age", "birthDate or age is required (routing needs the age)"));
            }
            if (birthDate != null && age != null && AgeBand.ageOn(birthDate, on) != age) {
                errors.add(new FieldError("person.age", "does not match birthDate on receivedOn"));
            }
            Integer effectiveAge = birthDate != null ? Integer.valueOf(AgeBand.ageOn(birthDate, on)) : age;
            if (effectiveAge != null) {
                ageBand = AgeBand.of(effectiveAge);
            }
            if (p.area() == null || p.area().isBlank()) {
                errors.add(new FieldError("person.area", "required; known areas of " + municipality.municipalityName() + ": "
                        + String.join("、", municipality.areas())));
            } else if (!municipality.areas().contains(p.area())) {
                errors.add(new FieldError("person.area", "unknown area; known areas of " + municipality.municipalityName() + ": "
                        + String.join("、", municipality.areas())));
            } else {
                area = p.area();
            }
            personal = new PersonalFields(name, kana, birthDate == null ? null : birthDate.toString(), address,
                    phone, null, effectiveAge, List.of());
        }

        String summary = Params.text(r.summary(), "summary", MAX_SUMMARY, false, errors);
        if (personal != null) {
            personal = new PersonalFields(personal.name(), personal.nameKana(), personal.birthDate(),
                    personal.address(), personal.phone(), summary, personal.age(), List.of());
        }

        List<HouseholdMember> household = new ArrayList<>();
        List<PersonalFields.MemberFields> named = new ArrayList<>();
        LocalDate memberDay = receivedOn == null ? today : receivedOn;
        if (r.household() != null) {
            if (r.household().size() > MAX_HOUSEHOLD) {
                errors.add(new FieldError("household", "at most " + MAX_HOUSEHOLD + " members"));
            } else {
                for (int i = 0; i < r.household().size(); i++) {
                    ReferralRequest.HouseholdMemberRequest m = r.household().get(i);
                    String at = "household[" + i + "]";
                    if (m == null) {
                        errors.add(new FieldError(at, "must be an object"));
                        continue;
                    }
                    Relation relation = code(Relation.class, m.relation(), at + ".relation", true, errors);
                    PersonalFields.MemberFields member = member(m, at, memberDay, errors);
                    Integer memberAge = member.age();
                    AgeBand band = memberAge == null ? null : AgeBand.of(memberAge);
                    List<Concern> memberConcerns = concerns(m.concerns(), at + ".concerns", false, errors);
                    household.add(new HouseholdMember(relation, band, memberConcerns));
                    named.add(member);
                }
            }
        }

        if (personal != null && named.stream().anyMatch(m -> m.name() != null || m.nameKana() != null
                || m.birthDate() != null)) {
            personal = new PersonalFields(personal.name(), personal.nameKana(), personal.birthDate(),
                    personal.address(), personal.phone(), personal.summary(), personal.age(), named);
        }

        Boolean hardToReach = flag(r.hardToReach(), "hardToReach", errors);
        if (!errors.isEmpty()) {
            return new Result.Invalid(errors);
        }
        return new Result.Valid(new ValidReferral(municipalityCode, agency, receivedOn, channel, area, ageBand,
                household, concerns, consent, urgency, Boolean.TRUE.equals(hardToReach), personal));
    }

    /**
     * A household member's personal fields, checked like the person's (name, kana, a birth date in YYYY-MM-DD or
     * 和暦 not after the day received and agreeing with the age): all optional. The age is the one given, else the
     * birth date's on that day.
     */
    private static PersonalFields.MemberFields member(ReferralRequest.HouseholdMemberRequest m, String at,
                                                      LocalDate on, List<FieldError> errors) {
        String name = Params.name(m.name(), at + ".name", MAX_NAME, false, errors);
        String kana = Params.name(m.nameKana(), at + ".nameKana", MAX_NAME, false, errors);
        Integer age = age(m.age(), at + ".age", errors);
        LocalDate birthDate = Params.japaneseDate(m.birthDate(), at + ".birthDate", false, errors);
        if (birthDate != null && birthDate.isAfter(on)) {
            errors.add(new FieldError(at + ".birthDate", "must not be after receivedOn"));
            birthDate = null;
        } else if (birthDate != null && AgeBand.ageOn(birthDate, on) > MAX_AGE) {
            errors.add(new FieldError(at + ".birthDate", "gives an age over " + MAX_AGE));
            birthDate = null;
        }
        if (birthDate != null && age != null && AgeBand.ageOn(birthDate, on) != age) {
            errors.add(new FieldError(at + ".age", "does not match birthDate on receivedOn"));
        }
        Integer effective = birthDate != null ? Integer.valueOf(AgeBand.ageOn(birthDate, on)) : age;
        return new PersonalFields.MemberFields(name, kana, birthDate == null ? null : birthDate.toString(), effective);
    }

    private static <E extends Enum<E> & Coded> E code(Class<E> type, String value, String field, boolean required,
                                                      List<FieldError> errors) {
        return Params.code(type, value, field, required, errors);
    }

    /**
     * An age as sent: a JSON whole number 0-130, or an error naming the field. Text is never read as a number
     * ({@code "70"} is named as text, like every number field of every service: StrictJson), and an age written in
     * words ("七十") is named too, alongside the request's other errors.
     */
    static Integer age(Object value, String field, List<FieldError> errors) {
        Integer age = switch (value) {
            case null -> null;
            case Integer i -> i;
            case Long l when l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE -> (int) (long) l;
            case String s when Normalizer.normalize(s, Normalizer.Form.NFKC).strip().matches("\\d{1,3}") -> {
                errors.add(new FieldError(field, NUMBER_NOT_TEXT));
                yield null;
            }
            default -> {
                errors.add(new FieldError(field, "a whole number of years, e.g. 70"));
                yield null;
            }
        };
        if (age != null && (age < 0 || age > MAX_AGE)) {
            errors.add(new FieldError(field, "must be between 0 and " + MAX_AGE));
            return null;
        }
        return age;
    }

    /** A JSON true or false; the text "true" is not read as one (StrictJson), it is named. */
    private static Boolean flag(Object value, String field, List<FieldError> errors) {
        return switch (value) {
            case null -> null;
            case Boolean b -> b;
            default -> {
                errors.add(new FieldError(field, "true or false"));
                yield null;
            }
        };
    }

    /**
     * A phone number as written at a counter: full-width digits (０９０) and the dashes people type (−, ー, ‐, －)
     * become 090 and -, spaces are kept; null for none.
     */
    static String phone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Normalizer.normalize(value, Normalizer.Form.NFKC).strip().replaceAll("[‐‑‒–—―−ーｰ]", "-");
    }

    private static List<Concern> concerns(List<String> values, String field, boolean required,
                                          List<FieldError> errors) {
        if (values == null || values.isEmpty()) {
            if (required) {
                errors.add(new FieldError(field, "at least one concern code is required (OTHER if none fits)"));
            }
            return List.of();
        }
        LinkedHashSet<Concern> concerns = new LinkedHashSet<>();
        for (int i = 0; i < values.size(); i++) {
            Concern c = code(Concern.class, values.get(i), field + "[" + i + "]", true, errors);
            if (c != null) {
                concerns.add(c);
            }
        }
        return List.copyOf(concerns);
    }

}
