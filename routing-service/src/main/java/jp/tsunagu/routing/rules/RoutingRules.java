package jp.tsunagu.routing.rules;

import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.AgencyRole;
import jp.tsunagu.contract.directory.Directories;
import jp.tsunagu.contract.events.HouseholdMember;
import jp.tsunagu.contract.events.Reason;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * 包括的相談支援事業's routing, in one place and without Quarkus: accept any consultation, connect (つなぐ) it to the
 * one agency that can handle it, send complex or in-between cases to 多機関協働事業, and people who cannot or will
 * not come to アウトリーチ. The order of the rules is the order of the checks below; every rule that fires adds a
 * reason in Japanese and English.
 */
public final class RoutingRules {

    /** Rule ids, stable: reports and outside tools group decisions by them. */
    public static final String R_FIELDS = "FIELDS";
    public static final String R_URGENT = "URGENT_VIOLENCE";
    public static final String R_OUTREACH = "OUTREACH";
    public static final String R_IN_BETWEEN = "IN_BETWEEN";
    public static final String R_MULTI_FIELD = "MULTI_FIELD";
    public static final String R_NO_FIELD = "NO_FIELD";
    public static final String R_NO_SITE = "NO_SITE";
    public static final String R_NO_OUTREACH_SITE = "NO_OUTREACH_SITE";
    public static final String R_TRACK = "TRACK";
    public static final String R_ONE_FIELD = "ONE_FIELD";
    public static final String R_LEAST_LOADED = "LEAST_LOADED";
    /** Not a rule of these: the case was brought in from the city's list (台帳取込), which said where it went. */
    public static final String R_IMPORTED = "IMPORTED";

    private final RuleSet rules;
    private final AgencyDirectory directory;
    private final String directoryVersion;

    public RoutingRules(RuleSet rules, AgencyDirectory directory) {
        this.rules = rules;
        this.directory = directory;
        this.directoryVersion = Directories.versionOf(directory);
    }

    /**
     * @param openCases agency id → cases routed to it and not finished, for choosing among several sites
     * @param excluded  agencies that already declined this case
     */
    public Decision decide(CaseFacts facts, Map<String, Long> openCases, Set<String> excluded) {
        List<Reason> reasons = new ArrayList<>();
        Set<Field> fields = fields(facts);
        reasons.add(fieldsReason(fields));

        Optional<Decision> emergency = emergency(facts, fields, reasons);
        if (emergency.isPresent()) {
            return emergency.get();
        }

        if (facts.channel() == Channel.OUTREACH || facts.hardToReach()) {
            reasons.add(new Reason(R_OUTREACH, facts.channel() == Channel.OUTREACH
                    ? "アウトリーチで把握した相談: アウトリーチ等を通じた継続的支援事業へ"
                    : "本人に会えない・来所できない: アウトリーチ等を通じた継続的支援事業へ",
                    facts.channel() == Channel.OUTREACH ? "found through outreach: continuing outreach support"
                            : "the person cannot be reached or will not come: continuing outreach support"));
            Optional<Agency> outreach = leastLoaded(candidates(AgencyRole.OUTREACH, null, facts.area(), excluded),
                    openCases);
            if (outreach.isPresent()) {
                return Decision.toAgency(RoutingDecision.OUTREACH, outreach.get().id(), List.copyOf(fields),
                        reasons, rules.version(), directoryVersion);
            }
            reasons.add(new Reason(R_NO_OUTREACH_SITE, "対応できるアウトリーチ機関がない: 多機関協働事業へ",
                    "no outreach provider is available: multi-agency coordination"));
            return escalate(fields, reasons, track(facts, reasons), EmergencyReview.REGULAR);
        }

        Set<Concern> inBetween = intersect(facts.concerns(), rules.inBetweenConcerns());
        for (HouseholdMember m : facts.household()) {
            inBetween.addAll(intersect(m.concerns(), rules.inBetweenConcerns()));
        }
        if (!inBetween.isEmpty()) {
            reasons.add(new Reason(R_IN_BETWEEN, "狭間・複合の課題（" + concernLabels(inBetween) + "）: 多機関協働事業へ",
                    "in-between concerns (" + inBetween + "): multi-agency coordination"));
            return escalate(fields, reasons, track(facts, reasons), EmergencyReview.REGULAR);
        }
        if (fields.size() >= 2) {
            reasons.add(new Reason(R_MULTI_FIELD, "複数分野（" + labels(fields) + "）にまたがる: 多機関協働事業へ",
                    "spans several fields (" + fields + "): multi-agency coordination"));
            return escalate(fields, reasons, track(facts, reasons), EmergencyReview.REGULAR);
        }
        if (fields.isEmpty()) {
            reasons.add(new Reason(R_NO_FIELD, "どの分野にも当たらない（制度の狭間）: 多機関協働事業へ",
                    "no field applies (between systems): multi-agency coordination"));
            return escalate(fields, reasons, track(facts, reasons), EmergencyReview.REGULAR);
        }

        Field field = fields.iterator().next();
        reasons.add(new Reason(R_ONE_FIELD, field.label() + "分野のみ: 担当機関へつなぐ",
                "one field only (" + field + "): connect to an agency of that field"));
        List<Agency> sites = candidates(AgencyRole.CONSULTATION, field, facts.area(), excluded);
        Optional<Agency> chosen = leastLoaded(sites, openCases);
        if (chosen.isEmpty()) {
            reasons.add(new Reason(R_NO_SITE, facts.area() + "を担当する" + field.label() + "分野の機関がない"
                    + (excluded.isEmpty() ? "" : "（辞退済みを除く）") + ": 多機関協働事業へ",
                    "no " + field + " agency covers " + facts.area()
                            + (excluded.isEmpty() ? "" : " (declined ones excluded)") + ": multi-agency coordination"));
            return escalate(fields, reasons, track(facts, reasons), EmergencyReview.REGULAR);
        }
        Agency agency = chosen.get();
        if (sites.size() > 1) {
            reasons.add(new Reason(R_LEAST_LOADED, sites.size() + "か所のうち対応中の件数が最も少ない" + agency.name(),
                    "of " + sites.size() + " sites, the one with the fewest open cases: " + agency.id()));
        }
        return Decision.toAgency(RoutingDecision.ROUTED, agency.id(), List.of(field), reasons, rules.version(),
                directoryVersion);
    }

    /**
     * A case passed to 多機関協働事業 for a reason outside these rules (the city's list said so, when the case was
     * brought in): on the track and with the review the rules give such a case here, an EMERGENCY with abuse or
     * violence to an ad-hoc 支援会議, any other on the track its consent allows.
     *
     * @param why the reason it was passed on, recorded after the case's fields
     */
    public Decision escalation(CaseFacts facts, Reason why) {
        List<Reason> reasons = new ArrayList<>();
        Set<Field> fields = fields(facts);
        reasons.add(fieldsReason(fields));
        reasons.add(why);
        return emergency(facts, fields, reasons)
                .orElseGet(() -> escalate(fields, reasons, track(facts, reasons), EmergencyReview.REGULAR));
    }

    /**
     * A case given to an agency for a reason outside these rules (the city's list named the agency, when the case was
     * brought in): ROUTED to a consultation agency or OUTREACH, with the case's fields.
     *
     * @param why the reason it went to that agency, recorded after the case's fields
     */
    public Decision toAgency(RoutingDecision decision, String agencyId, CaseFacts facts, Reason why) {
        Set<Field> fields = fields(facts);
        return Decision.toAgency(decision, agencyId, List.copyOf(fields), List.of(fieldsReason(fields), why),
                rules.version(), directoryVersion);
    }

    /** 危険・緊急: an EMERGENCY with abuse or violence (the person's or a household member's) needs a 支援会議 now. */
    private Optional<Decision> emergency(CaseFacts facts, Set<Field> fields, List<Reason> reasons) {
        Set<Concern> violence = intersect(facts.concerns(), rules.violenceConcerns());
        for (HouseholdMember m : facts.household()) {
            violence.addAll(intersect(m.concerns(), rules.violenceConcerns())); // e.g. a child abused at home
        }
        if (facts.urgency() != Urgency.EMERGENCY || violence.isEmpty()) {
            return Optional.empty();
        }
        reasons.add(new Reason(R_URGENT, "緊急かつ虐待・暴力（" + concernLabels(violence) + "）: 臨時の支援会議を招集",
                "emergency with abuse or violence (" + violence + "): ad-hoc support meeting"));
        return Optional.of(escalate(fields, reasons, MeetingType.SHIEN_KAIGI, EmergencyReview.EMERGENCY));
    }

    private static Reason fieldsReason(Set<Field> fields) {
        return new Reason(R_FIELDS, "分野: " + labels(fields), "fields: " + (fields.isEmpty() ? "none" : fields));
    }

    /** 分野 of a case: from the person's age, the person's concerns and the household's. */
    public Set<Field> fields(CaseFacts facts) {
        Set<Field> fields = EnumSet.noneOf(Field.class);
        if (facts.ageBand() != null && facts.ageBand().min() >= rules.elderlyAge()) {
            fields.add(Field.ELDERLY);
        }
        if (facts.ageBand() != null && facts.ageBand().max() < rules.childAge()) {
            fields.add(Field.CHILD);
        }
        for (Concern c : facts.concerns()) {
            fields.addAll(rules.fieldsByConcern().getOrDefault(c, List.of()));
        }
        for (HouseholdMember m : facts.household()) {
            // a household member counts through their own troubles (a parent with dementia, a child in need)
            for (Concern c : m.concerns()) {
                fields.addAll(rules.fieldsByConcern().getOrDefault(c, List.of()));
            }
            if (!m.concerns().isEmpty() && m.ageBand() != null && m.ageBand().max() < rules.childAge()) {
                fields.add(Field.CHILD);
            }
            if (!m.concerns().isEmpty() && m.ageBand() != null && m.ageBand().min() >= rules.elderlyAge()) {
                fields.add(Field.ELDERLY);
            }
        }
        return fields;
    }

    private MeetingType track(CaseFacts facts, List<Reason> reasons) {
        MeetingType track = MeetingType.trackFor(facts.consent());
        reasons.add(trackReason(track));
        return track;
    }

    /** Why a case goes to this meeting ({@link MeetingType#trackFor}), in the words a decision records. */
    public static Reason trackReason(MeetingType track) {
        return track == MeetingType.JUUSOU_SHIEN_KAIGI
                ? new Reason(R_TRACK, "本人の同意あり: 重層的支援会議で検討",
                        "consent given: multi-layered support meeting (重層的支援会議)")
                : new Reason(R_TRACK, "本人の同意なし・未確認: 支援会議（守秘義務のもとで情報共有）で検討",
                        "no consent yet: support meeting (支援会議, under a duty of confidentiality)");
    }

    private Decision escalate(Set<Field> fields, List<Reason> reasons, MeetingType track, EmergencyReview review) {
        return Decision.escalated(track, review, List.copyOf(fields), reasons, rules.version(), directoryVersion);
    }

    private List<Agency> candidates(AgencyRole role, Field field, String area, Set<String> excluded) {
        return directory.agencies().stream()
                .filter(Agency::isActive)
                .filter(a -> a.role() == role)
                .filter(a -> field == null || a.fields().contains(field))
                .filter(a -> a.covers(area))
                .filter(a -> !excluded.contains(a.id()))
                .toList();
    }

    private static Optional<Agency> leastLoaded(List<Agency> sites, Map<String, Long> openCases) {
        return sites.stream().min(Comparator.<Agency>comparingLong(a -> openCases.getOrDefault(a.id(), 0L))
                .thenComparing(Agency::id));
    }

    private static Set<Concern> intersect(List<Concern> concerns, Set<Concern> set) {
        return concerns.stream().filter(set::contains).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String labels(Set<Field> fields) {
        return fields.isEmpty() ? "なし" : fields.stream().map(Field::label).collect(Collectors.joining("・"));
    }

    private static String concernLabels(Set<Concern> concerns) {
        return concerns.stream().map(Concern::label).collect(Collectors.joining("・"));
    }
}
