package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A cell holding one of the contract's codes, read by its Japanese label as the city writes it (or the code itself):
 * the label table is the contract's ({@link Coded#labels}), matched after NFKC, plus the few spellings the spec names
 * (同意 あり/なし, a プラン種別 without 「プラン」, a label without its bracketed note such as 「障害」). Anything else is
 * a problem naming the allowed labels, never a guess.
 */
final class Labels<E extends Enum<E> & Coded> {

    static final Labels<Concern> CONCERN = new Labels<>(Concern.class, "課題", Map.of());
    static final Labels<CaseStatus> STATUS = new Labels<>(CaseStatus.class, "状態", Map.of());
    static final Labels<Channel> CHANNEL = new Labels<>(Channel.class, "相談経路", Map.of());
    static final Labels<Urgency> URGENCY = new Labels<>(Urgency.class, "緊急度", Map.of());
    static final Labels<Consent> CONSENT = new Labels<>(Consent.class, "同意", Map.of(
            "あり", Consent.GIVEN, "有", Consent.GIVEN, "有り", Consent.GIVEN, "済", Consent.GIVEN, "同意済",
            Consent.GIVEN, "なし", Consent.NOT_GIVEN, "無", Consent.NOT_GIVEN, "無し", Consent.NOT_GIVEN,
            "不明", Consent.UNKNOWN));
    static final Labels<PlanType> PLAN_TYPE = new Labels<>(PlanType.class, "プラン種別", Map.of());

    /** Where a cell lists several concerns: 、 , ， / ; ； and line breaks (・ only between whole labels). */
    private static final String SEPARATORS = "[、,，/／;；\\n]+";

    /** How many unknown parts of one cell a problem names before 「ほかN件」. */
    static final int NAMED_UNKNOWN = 5;
    /** How much of an unknown part a problem quotes. */
    static final int QUOTED = 50;

    private final Class<E> type;
    private final String kind;
    private final Map<String, E> byKey = new HashMap<>();
    /** The most ・-parts any label has (2, for 妊娠・出産): how far {@link #dotted} looks ahead. */
    private final int maxParts;
    private final String allowed;

    private Labels(Class<E> type, String kind, Map<String, E> aliases) {
        this.type = type;
        this.kind = kind;
        for (E e : type.getEnumConstants()) {
            byKey.put(e.name(), e);
            byKey.put(key(e.label()), e);
            String bare = key(e.label()).replaceAll("\\(.*\\)$", "");
            byKey.putIfAbsent(bare, e);
            if ((Class<?>) type == PlanType.class) {
                byKey.put(bare.replaceAll("プラン$", ""), e);
            }
        }
        aliases.forEach((k, v) -> byKey.put(key(k), v));
        maxParts = byKey.keySet().stream().mapToInt(k -> k.split("[・･]", -1).length).max().orElse(1);
        allowed = Arrays.stream(type.getEnumConstants()).filter(e -> e != CaseStatus.DECLINED).map(Coded::label)
                .collect(Collectors.joining("、"));
    }

    /** The value of a cell, or null when the cell does not name one. */
    E read(String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        E e = byKey.get(key(cell));
        return e != null ? e : byKey.get(key(cell).toUpperCase(Locale.ROOT));
    }

    /** 「○○」は課題の名前にありません（使える名前: …） */
    String unknown(String value) {
        return unknown(List.of(value));
    }

    /**
     * The unknown parts of one cell as ONE reason: at most {@value #NAMED_UNKNOWN} distinct parts named (each cut to
     * {@value #QUOTED} characters), then 「ほかN件」, so a cell of a thousand bad parts is one readable line.
     */
    String unknown(List<String> values) {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
        StringBuilder named = new StringBuilder();
        for (String v : distinct.subList(0, Math.min(NAMED_UNKNOWN, distinct.size()))) {
            named.append('「').append(RowProblem.shorten(v, QUOTED)).append('」');
        }
        if (distinct.size() > NAMED_UNKNOWN) {
            named.append("ほか").append(distinct.size() - NAMED_UNKNOWN).append("件");
        }
        return named + "は" + kind + "の名前にありません（使える名前: " + allowed + "）";
    }

    /** The labels a cell may use, as a problem lists them (computed once). */
    String allowed() {
        return allowed;
    }

    /** The labels a template offers. */
    List<String> labels() {
        return Arrays.stream(type.getEnumConstants()).filter(e -> e != CaseStatus.DECLINED).map(Coded::label).toList();
    }

    /** Several values in one cell: the values read, and the parts that name none (in the order written). */
    record Many<E>(List<E> values, List<String> unknown) {
    }

    Many<E> readMany(String cell) {
        Set<E> values = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String part : Normalizer.normalize(cell, Normalizer.Form.NFKC).split(SEPARATORS)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            E whole = read(p);
            if (whole != null) {
                values.add(whole);
                continue;
            }
            List<E> pieces = dotted(p);
            if (pieces == null) {
                unknown.add(p);
            } else {
                values.addAll(pieces);
            }
        }
        return new Many<>(List.copyOf(values), List.copyOf(unknown));
    }

    /**
     * 「ひきこもり・8050問題」 as two labels, while 「妊娠・出産」 is one: the longest run of ・-separated parts that is
     * a label is taken first, looking ahead no further than the longest label's parts (linear in the cell). Null
     * when some part is no label.
     */
    private List<E> dotted(String text) {
        String[] parts = text.split("[・･]");
        List<E> values = new ArrayList<>();
        int i = 0;
        while (i < parts.length) {
            E found = null;
            int j = Math.min(parts.length, i + maxParts);
            for (; j > i && found == null; j--) {
                found = read(String.join("・", Arrays.asList(parts).subList(i, j)));
            }
            if (found == null) {
                return null;
            }
            values.add(found);
            i = j + 1;
        }
        return values.isEmpty() ? null : values;
    }

    static String key(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
