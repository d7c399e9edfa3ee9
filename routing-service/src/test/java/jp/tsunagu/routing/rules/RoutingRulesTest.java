package jp.tsunagu.routing.rules;

import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static jp.tsunagu.contract.codes.Concern.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The routing rules on the shipped directories, one profile a row. */
class RoutingRulesTest {

    static final Map<String, AgencyDirectory> DIRECTORIES = Directories.load(Optional.empty());
    static final String KURUME = "402036";
    static final String NAGAREYAMA = "122203";

    /** A profile and what must happen to it. {@code expect} is an agency id for ROUTED/OUTREACH, a track for ESCALATED. */
    record Profile(String name, CaseFacts facts, Map<String, Long> open, RoutingDecision decision, String expect,
                   boolean urgent, Set<Field> fields, String rule) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final class P {
        String name;
        String municipality = KURUME;
        int age = 40;
        String area = "荒木";
        List<Concern> concerns = new ArrayList<>();
        List<HouseholdMember> household = new ArrayList<>();
        Consent consent = Consent.UNKNOWN;
        Urgency urgency = Urgency.ROUTINE;
        Channel channel = Channel.AGENCY;
        boolean hardToReach;
        Map<String, Long> open = Map.of();

        static P of(String name) {
            P p = new P();
            p.name = name;
            return p;
        }

        P in(String municipality, String area) {
            this.municipality = municipality;
            this.area = area;
            return this;
        }

        P age(int age) {
            this.age = age;
            return this;
        }

        P concerns(Concern... c) {
            concerns.addAll(Arrays.asList(c));
            return this;
        }

        P member(Relation relation, int age, Concern... c) {
            household.add(new HouseholdMember(relation, AgeBand.of(age), List.of(c)));
            return this;
        }

        P consent(Consent consent) {
            this.consent = consent;
            return this;
        }

        P urgency(Urgency urgency) {
            this.urgency = urgency;
            return this;
        }

        P channel(Channel channel) {
            this.channel = channel;
            return this;
        }

        P hardToReach() {
            this.hardToReach = true;
            return this;
        }

        P open(Map<String, Long> open) {
            this.open = open;
            return this;
        }

        Profile routed(String agency, Field field) {
            return expect(RoutingDecision.ROUTED, agency, false, EnumSet.of(field), RoutingRules.R_ONE_FIELD);
        }

        Profile outreach(String agency) {
            return expect(RoutingDecision.OUTREACH, agency, false, null, RoutingRules.R_OUTREACH);
        }

        Profile escalated(MeetingType track, String rule, Set<Field> fields) {
            return expect(RoutingDecision.ESCALATED, track.name(), false, fields, rule);
        }

        Profile urgent() {
            return expect(RoutingDecision.ESCALATED, MeetingType.SHIEN_KAIGI.name(), true, null, RoutingRules.R_URGENT);
        }

        Profile expect(RoutingDecision decision, String expect, boolean urgent, Set<Field> fields, String rule) {
            CaseFacts facts = new CaseFacts("case-" + name.hashCode(), municipality, null, channel,
                    LocalDate.of(2024, 5, 14), area, AgeBand.of(age), household, concerns, consent, urgency,
                    hardToReach);
            return new Profile(name, facts, open, decision, expect, urgent, fields, rule);
        }
    }

    static Set<Field> fields(Field... f) {
        return f.length == 0 ? EnumSet.noneOf(Field.class) : EnumSet.copyOf(Arrays.asList(f));
    }

    static Stream<Profile> profiles() {
        MeetingType juusou = MeetingType.JUUSOU_SHIEN_KAIGI;
        MeetingType shien = MeetingType.SHIEN_KAIGI;
        return Stream.of(
                // the seed's two people
                P.of("Aさん: 20s, long-term recluse, found through outreach").age(24).concerns(HIKIKOMORI, ISOLATION)
                        .channel(Channel.OUTREACH).outreach("kurume-outreach-01"),
                P.of("Aさん at the desk: recluse, consent not yet given").age(24).concerns(HIKIKOMORI)
                        .escalated(shien, RoutingRules.R_IN_BETWEEN, fields()),
                P.of("Cさん: 40s, depression, unstable income, parent with dementia, consent").age(45).in(KURUME, "篠山")
                        .concerns(MENTAL_HEALTH, POVERTY).member(Relation.PARENT, 78, DEMENTIA).consent(Consent.GIVEN)
                        .escalated(juusou, RoutingRules.R_MULTI_FIELD,
                                fields(Field.ELDERLY, Field.DISABILITY, Field.POVERTY)),
                P.of("Cさん without consent").age(45).in(KURUME, "篠山").concerns(MENTAL_HEALTH, POVERTY)
                        .member(Relation.PARENT, 78, DEMENTIA)
                        .escalated(shien, RoutingRules.R_MULTI_FIELD,
                                fields(Field.ELDERLY, Field.DISABILITY, Field.POVERTY)),
                // elderly only, in several Kurume areas: each area's own 地域包括支援センター
                P.of("elderly, dementia, 篠山").age(82).in(KURUME, "篠山").concerns(DEMENTIA)
                        .routed("kurume-houkatsu-01", Field.ELDERLY),
                P.of("elderly, care, 津福").age(77).in(KURUME, "津福").concerns(ELDER_CARE)
                        .routed("kurume-houkatsu-02", Field.ELDERLY),
                P.of("elderly, 荒木").age(70).in(KURUME, "荒木").concerns(OTHER).routed("kurume-houkatsu-06", Field.ELDERLY),
                P.of("elderly, 田主丸").age(88).in(KURUME, "田主丸").concerns(DEMENTIA)
                        .routed("kurume-houkatsu-08", Field.ELDERLY),
                P.of("elderly, 三潴").age(66).in(KURUME, "三潴").concerns(ELDER_CARE)
                        .routed("kurume-houkatsu-11", Field.ELDERLY),
                P.of("elderly by age alone, 宮ノ陣").age(90).in(KURUME, "宮ノ陣").concerns(OTHER)
                        .routed("kurume-houkatsu-04", Field.ELDERLY),
                // disability and poverty by area
                P.of("disability, 荒木").age(35).in(KURUME, "荒木").concerns(DISABILITY)
                        .routed("kurume-kikan-02", Field.DISABILITY),
                P.of("mental health, 城島").age(50).in(KURUME, "城島").concerns(MENTAL_HEALTH)
                        .routed("kurume-kikan-04", Field.DISABILITY),
                P.of("debt, 京町").age(38).in(KURUME, "京町").concerns(DEBT).routed("kurume-jiritsu-01", Field.POVERTY),
                P.of("unemployment and housing, 青木").age(52).in(KURUME, "青木").concerns(UNEMPLOYMENT, HOUSING)
                        .routed("kurume-jiritsu-02", Field.POVERTY),
                // children
                P.of("child only: a 10-year-old").age(10).in(KURUME, "南").concerns(OTHER)
                        .routed("kurume-kosodate-01", Field.CHILD),
                P.of("child rearing, a parent of 30").age(30).concerns(CHILD_REARING)
                        .routed("kurume-kosodate-01", Field.CHILD),
                P.of("a child in the household with troubles").age(36).member(Relation.CHILD, 9, OTHER).concerns(OTHER)
                        .routed("kurume-kosodate-01", Field.CHILD),
                P.of("pregnancy").age(27).concerns(PREGNANCY).routed("kurume-kosodate-01", Field.CHILD),
                // nothing fits: 制度の狭間
                P.of("no field: 30s with 'other'").age(33).concerns(OTHER)
                        .escalated(shien, RoutingRules.R_NO_FIELD, fields()),
                P.of("no field, with consent").age(33).concerns(OTHER).consent(Consent.GIVEN)
                        .escalated(juusou, RoutingRules.R_NO_FIELD, fields()),
                // in-between concerns
                P.of("8050: recluse of 50s with a parent of 80").age(52).concerns(EIGHTY_FIFTY, HIKIKOMORI)
                        .member(Relation.PARENT, 82).consent(Consent.GIVEN)
                        .escalated(juusou, RoutingRules.R_IN_BETWEEN, fields(Field.ELDERLY)),
                P.of("hoarded house").age(60).concerns(HOARDING).escalated(shien, RoutingRules.R_IN_BETWEEN, fields()),
                P.of("animal hoarding").age(58).concerns(ANIMAL_HOARDING)
                        .escalated(shien, RoutingRules.R_IN_BETWEEN, fields()),
                P.of("addiction").age(41).concerns(ADDICTION).escalated(shien, RoutingRules.R_IN_BETWEEN, fields()),
                P.of("double care").age(39).concerns(DOUBLE_CARE).consent(Consent.GIVEN)
                        .escalated(juusou, RoutingRules.R_IN_BETWEEN, fields(Field.ELDERLY, Field.CHILD)),
                P.of("young carer, 15").age(15).concerns(YOUNG_CARER).member(Relation.PARENT, 45, DISABILITY)
                        .escalated(shien, RoutingRules.R_IN_BETWEEN, fields(Field.CHILD, Field.DISABILITY)),
                P.of("isolation of an elderly person").age(80).concerns(ISOLATION)
                        .escalated(shien, RoutingRules.R_IN_BETWEEN, fields(Field.ELDERLY)),
                P.of("a household member's in-between concern").age(47).concerns(POVERTY)
                        .member(Relation.CHILD, 20, HIKIKOMORI)
                        .escalated(shien, RoutingRules.R_IN_BETWEEN, fields(Field.POVERTY)),
                // urgency and violence
                P.of("emergency child abuse").age(6).concerns(CHILD_ABUSE).urgency(Urgency.EMERGENCY).urgent(),
                P.of("emergency DV, consent given: still an ad-hoc 支援会議").age(34).concerns(DOMESTIC_VIOLENCE)
                        .consent(Consent.GIVEN).urgency(Urgency.EMERGENCY).urgent(),
                P.of("emergency elder abuse").age(85).concerns(ELDER_ABUSE).urgency(Urgency.EMERGENCY).urgent(),
                P.of("emergency: the child of the person consulted is abused").age(35).concerns(CHILD_REARING)
                        .member(Relation.CHILD, 8, CHILD_ABUSE).urgency(Urgency.EMERGENCY).urgent(),
                P.of("urgent (not emergency) elder abuse goes by field").age(85).concerns(ELDER_ABUSE)
                        .urgency(Urgency.URGENT).routed("kurume-houkatsu-06", Field.ELDERLY),
                P.of("emergency without violence goes by field").age(40).concerns(DEBT).urgency(Urgency.EMERGENCY)
                        .routed("kurume-jiritsu-02", Field.POVERTY),
                // outreach
                P.of("hard to reach, any concerns").age(55).concerns(POVERTY, MENTAL_HEALTH).hardToReach()
                        .outreach("kurume-outreach-01"),
                // several sites: the one with the fewest open cases
                P.of("Nagareyama elderly: least loaded of five").age(75).in(NAGAREYAMA, "北部").concerns(DEMENTIA)
                        .open(Map.of("nagareyama-houkatsu-01", 4L, "nagareyama-houkatsu-02", 2L,
                                "nagareyama-houkatsu-03", 1L, "nagareyama-houkatsu-04", 3L, "nagareyama-houkatsu-05", 3L))
                        .routed("nagareyama-houkatsu-03", Field.ELDERLY),
                P.of("Nagareyama disability: a tie goes to the first id").age(30).in(NAGAREYAMA, "東部")
                        .concerns(DISABILITY).routed("nagareyama-shougai-01", Field.DISABILITY),
                P.of("Nagareyama disability, least loaded").age(30).in(NAGAREYAMA, "東部").concerns(DISABILITY)
                        .open(Map.of("nagareyama-shougai-01", 3L, "nagareyama-shougai-02", 3L))
                        .routed("nagareyama-shougai-03", Field.DISABILITY),
                P.of("Nagareyama おやこあんしん相談").age(29).in(NAGAREYAMA, "北部").concerns(CHILD_REARING)
                        .open(Map.of("nagareyama-kosodate-01", 2L, "nagareyama-kosodate-02", 2L))
                        .routed("nagareyama-oyako-01", Field.CHILD),
                P.of("Nagareyama おおたかの森児童センター covers 中部").age(8).in(NAGAREYAMA, "中部").concerns(OTHER)
                        .routed("nagareyama-jidou-otakanomori", Field.CHILD),
                P.of("Nagareyama 南流山児童センター covers 南部").age(8).in(NAGAREYAMA, "南部").concerns(OTHER)
                        .open(Map.of("nagareyama-oyako-01", 1L, "nagareyama-kosodate-01", 1L,
                                "nagareyama-kosodate-02", 1L))
                        .routed("nagareyama-jidou-minaminagareyama", Field.CHILD),
                P.of("Nagareyama 子育てなんでも相談室").age(31).in(NAGAREYAMA, "北部").concerns(PREGNANCY)
                        .open(Map.of("nagareyama-oyako-01", 1L))
                        .routed("nagareyama-kosodate-01", Field.CHILD),
                P.of("Nagareyama ユーマット").age(44).in(NAGAREYAMA, "東部").concerns(POVERTY, DEBT)
                        .routed("nagareyama-yumat-01", Field.POVERTY),
                P.of("Nagareyama 地域なんでも相談員").age(67).in(NAGAREYAMA, "北部").concerns(ISOLATION)
                        .channel(Channel.OUTREACH).outreach("nagareyama-nandemo-01"),
                P.of("Nagareyama multi-field with consent").age(70).in(NAGAREYAMA, "南部").concerns(POVERTY)
                        .consent(Consent.GIVEN)
                        .escalated(juusou, RoutingRules.R_MULTI_FIELD, fields(Field.ELDERLY, Field.POVERTY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void decides(Profile p) {
        RoutingRules rules = new RoutingRules(RuleSet.forMunicipality(p.facts().municipality(), Optional.empty()),
                DIRECTORIES.get(p.facts().municipality()));
        Decision d = rules.decide(p.facts(), p.open(), Set.of());

        assertEquals(p.decision(), d.decision(), () -> "decision; reasons " + d.reasons());
        if (p.decision() == RoutingDecision.ESCALATED) {
            assertEquals(p.expect(), d.track().name(), "track");
            assertNull(d.agencyId());
        } else {
            assertEquals(p.expect(), d.agencyId(), () -> "agency; reasons " + d.reasons());
        }
        assertEquals(p.urgent(), d.review().adHocNow(), "urgent");
        if (p.fields() != null) {
            assertEquals(p.fields(), Set.copyOf(d.fields()), "fields");
        }
        assertTrue(d.reasons().stream().anyMatch(r -> r.rule().equals(p.rule())), () -> "rule " + p.rule()
                + " in " + d.reasons());
        for (Reason r : d.reasons()) {
            assertFalse(r.detailJa().isBlank());
            assertFalse(r.detailEn().isBlank());
        }
        assertEquals("tsunagu-default-2026.1", d.ruleSetVersion());
        assertTrue(d.directoryVersion().startsWith("2024-04-01-sample@"), d.directoryVersion());
    }

    @Test
    void atLeastThirtyProfiles() {
        assertTrue(profiles().count() >= 30);
    }

    @Test
    void aDeclinedAgencyIsSkippedAndWhenNoneIsLeftTheCaseIsEscalated() {
        RoutingRules rules = new RoutingRules(RuleSet.forMunicipality(KURUME, Optional.empty()), DIRECTORIES.get(KURUME));
        CaseFacts facts = P.of("x").age(80).in(KURUME, "荒木").concerns(DEMENTIA)
                .routed("kurume-houkatsu-06", Field.ELDERLY).facts();
        Decision after = rules.decide(facts, Map.of(), Set.of("kurume-houkatsu-06"));
        assertEquals(RoutingDecision.ESCALATED, after.decision(), "荒木 has one 地域包括支援センター");
        assertTrue(after.reasons().stream().anyMatch(r -> r.rule().equals(RoutingRules.R_NO_SITE)));

        RoutingRules nagareyama = new RoutingRules(RuleSet.forMunicipality(NAGAREYAMA, Optional.empty()),
                DIRECTORIES.get(NAGAREYAMA));
        CaseFacts elderly = P.of("y").age(80).in(NAGAREYAMA, "北部").concerns(DEMENTIA)
                .routed("nagareyama-houkatsu-01", Field.ELDERLY).facts();
        assertEquals("nagareyama-houkatsu-02",
                nagareyama.decide(elderly, Map.of(), Set.of("nagareyama-houkatsu-01")).agencyId());
    }

    @Test
    void everyKurumeAreaHasASiteOfEachFieldAndEveryAreaIsKnown() {
        AgencyDirectory kurume = DIRECTORIES.get(KURUME);
        for (String area : kurume.areas()) {
            for (Field field : Field.values()) {
                long sites = kurume.agencies().stream().filter(a -> a.fields().contains(field) && a.covers(area)).count();
                assertTrue(sites >= 1, field + " in " + area);
            }
        }
        assertEquals(46, kurume.areas().size());
        assertEquals(11, kurume.agencies().stream().filter(a -> a.id().startsWith("kurume-houkatsu")).count());
        assertEquals(4, kurume.agencies().stream().filter(a -> a.id().startsWith("kurume-kikan")).count());
        assertEquals(2, kurume.agencies().stream().filter(a -> a.id().startsWith("kurume-jiritsu")).count());
    }
}
