package jp.tsunagu.intake.referral;

import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.support.problem.FieldError;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReferralRulesTest {

    static final LocalDate TODAY = LocalDate.of(2024, 5, 14);
    final ReferralRules rules = new ReferralRules(Directories.load(Optional.empty()));

    static ReferralRequest request(ReferralRequest.PersonRequest person) {
        return new ReferralRequest(null, null, "WALK_IN", person,
                List.of(new ReferralRequest.HouseholdMemberRequest("PARENT", 80, List.of("DEMENTIA"))),
                List.of("HIKIKOMORI", "EIGHTY_FIFTY", "HIKIKOMORI"), "NOT_GIVEN", "ROUTINE", "要約", null);
    }

    static ReferralRequest.PersonRequest person(String birthDate, Integer age, String area) {
        return new ReferralRequest.PersonRequest("山田 一郎", null, birthDate, age, null, area, null);
    }

    @Test
    void aValidReferralSplitsClearFactsFromSealedOnes() {
        var result = rules.check(request(person(null, 52, "荒木")), "402036", "kurume-houkatsu-01", TODAY);
        ValidReferral r = assertInstanceOf(ReferralRules.Result.Valid.class, result).referral();
        assertEquals(AgeBand.AGE_50_64, r.ageBand());
        assertEquals(List.of(Concern.HIKIKOMORI, Concern.EIGHTY_FIFTY), r.concerns(), "duplicates dropped");
        assertEquals("kurume-houkatsu-01", r.referringAgencyId(), "defaults to the caller's agency");
        assertEquals(TODAY, r.receivedOn(), "defaults to today");
        assertEquals(AgeBand.AGE_75_PLUS, r.household().get(0).ageBand());
        assertEquals("山田 一郎", r.personal().name());
        assertFalse(r.toString().contains("山田"), "no personal value in toString");
        assertFalse(r.personal().toString().contains("山田"));
    }

    @Test
    void theAgeComesFromTheBirthDateOnTheDayOfReceipt() {
        var result = rules.check(request(person("1959-05-15", null, "荒木")), "402036", null, TODAY);
        assertEquals(AgeBand.AGE_50_64, assertInstanceOf(ReferralRules.Result.Valid.class, result).referral().ageBand());
        var birthday = rules.check(request(person("1959-05-14", null, "荒木")), "402036", null, TODAY);
        assertEquals(AgeBand.AGE_65_74, assertInstanceOf(ReferralRules.Result.Valid.class, birthday).referral().ageBand());
    }

    @Test
    void aMismatchOfAgeAndBirthDateIsAnError() {
        var result = rules.check(request(person("1959-05-15", 30, "荒木")), "402036", null, TODAY);
        assertTrue(fields(result).contains("person.age"));
    }

    @Test
    void areasAreTheMunicipalitysOwn() {
        assertTrue(fields(rules.check(request(person(null, 40, "南部")), "402036", null, TODAY)).contains("person.area"));
        assertInstanceOf(ReferralRules.Result.Valid.class,
                rules.check(request(person(null, 40, "南部")), "122203", null, TODAY));
    }

    @Test
    void anUnknownMunicipalityIsRefused() {
        assertEquals(List.of("municipality"), fields(rules.check(request(person(null, 40, "荒木")), "999999", null, TODAY)));
    }

    @Test
    void controlCharactersAndOverlongTextAreRefused() {
        var p = new ReferralRequest.PersonRequest("a\u0000b", null, null, 40, "x".repeat(201), "荒木", null);
        List<String> f = fields(rules.check(request(p), "402036", null, TODAY));
        assertTrue(f.containsAll(List.of("person.name", "person.address")), f.toString());
    }

    @Test
    void entryHabitsOfAJapaneseOfficeAreReadOrNamedAllAtOnce() {
        // 和暦 birth date, full-width phone digits and dashes: read and stored in the plain form
        var japanese = new ReferralRequest.PersonRequest("山田 一郎", "ヤマダ イチロウ", "昭和19年4月2日", null, null, "荒木",
                "０９０−１２３４ー５６７８");
        ValidReferral valid = assertInstanceOf(ReferralRules.Result.Valid.class,
                rules.check(request(japanese), "402036", null, TODAY)).referral();
        assertEquals("1944-04-02", valid.personal().birthDate());
        assertEquals("090-1234-5678", valid.personal().phone());
        assertEquals(AgeBand.AGE_75_PLUS, valid.ageBand());
        assertEquals(AgeBand.AGE_75_PLUS, assertInstanceOf(ReferralRules.Result.Valid.class, rules.check(request(
                new ReferralRequest.PersonRequest("山田 一郎", null, "S19.4.2", null, null, "荒木", null)), "402036",
                null, TODAY)).referral().ageBand());

        // an age written in words hides nothing else: every bad field in one answer, a code's case named
        var bad = new ReferralRequest(null, null, "walk_in", new ReferralRequest.PersonRequest("山田 一郎", null, null,
                "七十", null, "荒木", "TEL:090"), List.of(new ReferralRequest.HouseholdMemberRequest("PARENT", "八十",
                List.of())), List.of("HIKIKOMORI"), "given", "ROUTINE", null, "はい");
        var invalid = assertInstanceOf(ReferralRules.Result.Invalid.class, rules.check(bad, "402036", null, TODAY));
        assertEquals(List.of("channel", "consent", "person.phone", "person.age", "household[0].age", "hardToReach"),
                invalid.errors().stream().map(FieldError::field).toList());
        assertEquals("codes are written in capitals: GIVEN (one of GIVEN, NOT_GIVEN, UNKNOWN)",
                invalid.errors().get(1).message());
        assertEquals("a whole number of years, e.g. 70", invalid.errors().get(3).message());
        List<FieldError> asText = new java.util.ArrayList<>();
        assertEquals(null, ReferralRules.age("７０", "age", asText));
        assertEquals(List.of(new FieldError("age", "must be a JSON number, not text (no quotes)")), asText);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            an empty birth date and no age          | ''      | -    | -       | person.age
            the age as text                         | -       | '70' | -       | person.age
            a bidi override in the name             | -       | 52   | 202E    | person.name
            a zero-width space in the name          | -       | 52   | 200B    | person.name
            a line separator in the name            | -       | 52   | 2028    | person.name
            """)
    void laxInputIsNamed(String given, String birthDate, String age, String inName, String field) {
        Object sentAge = age == null ? null : age.equals("52") ? (Object) 52 : age;
        String name = "山田" + (inName == null ? " " : Character.toString(Integer.parseInt(inName, 16))) + "一郎";
        var p = new ReferralRequest.PersonRequest(name, null, birthDate, sentAge, null, "荒木", null);
        assertEquals(List.of(field), fields(rules.check(request(p), "402036", null, TODAY)), given);
    }

    @Test
    void theKanaNameRefusesInvisibleCharactersAndTheFlagIsNoText() {
        var p = new ReferralRequest.PersonRequest("山田 一郎", "ヤマダ\ufeffイチロウ", null, 52, null, "荒木", null);
        assertEquals(List.of("person.nameKana"), fields(rules.check(request(p), "402036", null, TODAY)));
        var flagAsText = new ReferralRequest(null, null, "WALK_IN", person(null, 52, "荒木"), null,
                List.of("HIKIKOMORI"), "NOT_GIVEN", "ROUTINE", null, "true");
        assertEquals(List.of("hardToReach"), fields(rules.check(flagAsText, "402036", null, TODAY)));
    }

    static List<String> fields(ReferralRules.Result result) {
        return assertInstanceOf(ReferralRules.Result.Invalid.class, result).errors().stream()
                .map(FieldError::field).toList();
    }
}
