package jp.tsunagu.console.view;

import io.quarkus.qute.TemplateExtension;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Relation;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.RoutingDecision;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.codes.Wareki;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * How pages show codes and dates to people: codes by their Japanese labels (from the contract's codes, the one place
 * they are defined), dates in 令和, times in Japan's time. Used in templates as {@code {ja:date(item.receivedOn)}}.
 */
@TemplateExtension(namespace = "ja")
public final class Ja {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("H:mm");

    private Ja() {
    }

    /** {@code 2026-12-04} → 令和8年12月4日; anything unreadable as it came. */
    static String date(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        try {
            return Wareki.format(LocalDate.parse(iso.toString().substring(0, Math.min(10, iso.toString().length()))));
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    /** An instant → 令和8年12月4日 14:05 (Japan's time). */
    static String time(Object iso) {
        if (iso == null || iso.toString().isBlank()) {
            return "";
        }
        try {
            var t = Instant.parse(iso.toString()).atZone(JAPAN);
            return Wareki.format(t.toLocalDate()) + " " + CLOCK.format(t);
        } catch (DateTimeParseException e) {
            return iso.toString();
        }
    }

    static String concern(Object code) {
        return label(Concern.class, code);
    }

    static String relation(Object code) {
        return label(Relation.class, code);
    }

    static String urgency(Object code) {
        return label(Urgency.class, code);
    }

    /** 危険・緊急 or not: the meeting's emergency review, beside the referral's urgency. */
    static String review(Object code) {
        return label(EmergencyReview.class, code);
    }

    static String consent(Object code) {
        return label(Consent.class, code);
    }

    static String channel(Object code) {
        return label(Channel.class, code);
    }

    static String status(Object code) {
        return label(CaseStatus.class, code);
    }

    static String field(Object code) {
        return label(Field.class, code);
    }

    /** 重層的支援会議, 支援会議, … */
    static String meetingType(Object code) {
        return label(MeetingType.class, code);
    }

    static String planType(Object code) {
        return label(PlanType.class, code);
    }

    /** A review's 結果 in minutes. */
    static String outcome(Object code) {
        return label(ReviewOutcome.class, code);
    }

    static String decision(Object code) {
        return label(RoutingDecision.class, code);
    }

    static String inboxState(Object code) {
        return code == null ? "" : InboxStates.label(code.toString());
    }

    /** The age band's code ({@code AGE_40_49}) as people say it. */
    static String ageBand(Object code) {
        return label(AgeBand.class, code);
    }

    /** A value for a URL's query, e.g. a page's cursor. */
    static String q(Object value) {
        return value == null ? "" : URLEncoder.encode(value.toString(), StandardCharsets.UTF_8);
    }

    private static <E extends Enum<E> & Coded> String label(Class<E> type, Object code) {
        if (code == null) {
            return "";
        }
        return Coded.parse(type, code.toString()).map(Coded::label).orElse(code.toString());
    }
}
