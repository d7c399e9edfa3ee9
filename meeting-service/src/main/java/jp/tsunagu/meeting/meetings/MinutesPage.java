package jp.tsunagu.meeting.meetings;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.Wareki;
import jp.tsunagu.contract.household.HouseholdLabel;
import jp.tsunagu.meeting.minutes.MinutesChanges;
import jp.tsunagu.support.json.TextSafety;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static jp.tsunagu.support.json.TextSafety.visible;

/**
 * A meeting's 議事録 as a page to print (A4, Japanese; {@code templates/MinutesPage/gijiroku.html}, every value escaped
 * by Qute): the meeting, who attended (氏名（機関名）), each case reviewed in the order discussed by its 受付番号 (the
 * members of a household discussed as one item under one heading, 世帯（受付番号・受付番号）, with its note) with its
 * outcome, plan type, roles, a plan's wish, goals and review date, and the note; each 訂正 with who made it, why, and
 * what it changed before and after. A 支援会議's minutes are headed with its duty of confidentiality (社会福祉法第106条の6).
 * The page runs no script and styles itself with one {@code <style>} block whose hash its Content-Security-Policy
 * names ({@link #POLICY}), so a console can forward page and header as they are, without {@code unsafe-inline}.
 */
public final class MinutesPage {

    /** The stylesheet, the page's only {@code <style>} block. */
    static final String CSS = css();

    /**
     * The Content-Security-Policy of the printed page: nothing loads, nothing runs, its one style block is allowed by
     * its hash (computed once, from the stylesheet as the page carries it).
     */
    public static final String POLICY = "default-src 'none'; style-src 'sha256-" + sha256(CSS)
            + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private MinutesPage() {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance gijiroku(Page page, RawString css);
    }

    /**
     * The page as the template lays it out: every value already in the words people read, and every invisible
     * formatting character of what was typed shown as {@code [U+202E]} ({@link TextSafety#visible}), so that what is
     * printed reads as what was recorded (the template escapes the rest).
     */
    /**
     * @param items    what was discussed, in order: a case on its own, or a household (世帯) with its members
     * @param reviewed how many cases were reviewed
     */
    public record Page(String title, String heading, boolean confidential, List<Row> meeting, String notes,
                       List<Item> items, int reviewed, List<Correction> corrections) {
        public Page {
            notes = visible(notes);
        }
    }

    /** A line of a table: its label and value (several lines of text keep their breaks). */
    public record Row(String label, String value) {
        public Row {
            value = visible(value);
        }
    }

    /**
     * An item of the minutes: one case, or a household discussed as one (its heading 世帯（受付番号・受付番号）, its note,
     * then each member's review).
     *
     * @param household the household's label (null: a case on its own)
     */
    public record Item(int n, String household, String note, List<Review> cases) {
        public Item {
            household = visible(household);
            note = visible(note);
        }
    }

    /** A case's review as the minutes print it. */
    public record Review(List<Row> rows) {
    }

    public record Correction(int version, String on, String by, String reason, List<Line> changes) {
        public Correction {
            by = visible(by);
            reason = visible(reason);
        }
    }

    /** One field a correction changed: what (the case's 受付番号 and the field), before, after. */
    public record Line(String what, String before, String after) {
        public Line {
            before = visible(before);
            after = visible(after);
        }
    }

    /** The page of the meeting, in the municipality's name. */
    public static TemplateInstance of(String municipalityName, MeetingView m) {
        return Templates.gijiroku(page(municipalityName, m), new RawString(CSS));
    }

    static Page page(String municipalityName, MeetingView m) {
        MeetingView.Held held = m.held();
        List<Row> meeting = new ArrayList<>();
        if (m.heldOn() == null) {
            meeting.add(new Row("開催日", "未開催（予定日 " + Wareki.format(m.scheduledOn()) + "）"));
            time(meeting, "予定時刻", m.startsAt(), m.endsAt());
            if (m.place() != null) {
                meeting.add(new Row("会場（予定）", m.place()));
            }
        } else {
            meeting.add(new Row("開催日", Wareki.format(m.heldOn())));
            if (held != null) {
                time(meeting, "時間", held.startTime(), held.endTime());
                if (held.place() != null) {
                    meeting.add(new Row("会場", held.place()));
                }
                if (held.chair() != null) {
                    meeting.add(new Row("司会・進行", held.chair()));
                }
            }
            meeting.add(new Row("出席者", m.attendees() == null || m.attendees().isEmpty() ? "（記録なし）"
                    : m.attendees().stream().map(MeetingView.AttendeeView::display).collect(Collectors.joining("、"))));
        }
        meeting.add(new Row("会議ID", m.meetingId() + (m.adHoc() ? "（臨時開催）" : "")));
        if (m.minutesVersion() != null && m.minutesVersion() > 1) {
            meeting.add(new Row("版", "第" + m.minutesVersion() + "版（訂正" + (m.minutesVersion() - 1)
                    + "回、訂正履歴は末尾）"));
        }
        List<MeetingView.ReviewView> reviews = m.reviews() == null ? List.of() : m.reviews();
        List<Item> items = items(reviews, m.households() == null ? List.of() : m.households());
        List<Correction> corrections = m.corrections() == null ? List.of() : m.corrections().stream()
                .map(c -> new Correction(c.version(), c.recordedAt() == null ? ""
                        : Wareki.format(c.recordedAt().atZone(JAPAN).toLocalDate()),
                        c.recordedByName() == null ? "（記録なし）" : c.recordedByName(), c.reason(),
                        lines(c.changes()))).toList();
        String dated = m.heldOn() != null ? Wareki.format(m.heldOn()) : Wareki.format(m.scheduledOn());
        return new Page(m.typeLabel() + " 議事録 " + dated, municipalityName + " " + m.typeLabel() + " 議事録",
                m.type() == MeetingType.SHIEN_KAIGI, meeting, held == null ? null : held.notes(), items,
                reviews.size(), corrections);
    }

    /**
     * The reviews as items: a household's members under one heading where its first member was discussed, each case
     * on its own otherwise, numbered in order.
     */
    static List<Item> items(List<MeetingView.ReviewView> reviews, List<MeetingView.HouseholdNote> households) {
        Map<String, MeetingView.HouseholdNote> byId = new HashMap<>();
        households.forEach(h -> byId.put(h.householdId(), h));
        Map<String, List<Review>> members = new LinkedHashMap<>();
        Map<String, List<String>> numbers = new HashMap<>(); // the 受付番号 of each household's cases discussed
        List<Object> order = new ArrayList<>(); // a case's Review, or a household's id
        for (MeetingView.ReviewView r : reviews) {
            if (r.householdId() == null) {
                order.add(new Review(review(r)));
            } else {
                members.computeIfAbsent(r.householdId(), h -> {
                    order.add(h);
                    return new ArrayList<>();
                }).add(new Review(review(r)));
                numbers.computeIfAbsent(r.householdId(), h -> new ArrayList<>()).add(r.caseNumber());
            }
        }
        List<Item> items = new ArrayList<>();
        for (Object o : order) {
            int n = items.size() + 1;
            if (o instanceof Review r) {
                items.add(new Item(n, null, null, List.of(r)));
            } else {
                MeetingView.HouseholdNote h = byId.get((String) o);
                // the heading names the household's cases printed under it, by the one rule (HouseholdLabel)
                items.add(new Item(n, HouseholdLabel.of(numbers.get((String) o)),
                        h == null ? null : h.note(), members.get((String) o)));
            }
        }
        return items;
    }

    private static List<Row> review(MeetingView.ReviewView r) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("ケース", caseName(r.caseId(), r.caseNumber())
                + (r.adHoc() ? "（議題外: " + (r.adHocReason() == null ? "" : r.adHocReason()) + "）" : "")));
        rows.add(new Row("結果", r.outcomeLabel()));
        if (r.planTypeLabel() != null) {
            rows.add(new Row("プランの種類", r.planTypeLabel()));
        }
        if (r.roles() != null && !r.roles().isEmpty()) {
            rows.add(new Row("役割分担", r.roles().stream().map(role -> (role.agencyName() == null ? role.agencyId()
                    : role.agencyName()) + "：" + role.responsibility()).collect(Collectors.joining("\n"))));
        }
        if (r.wish() != null) {
            rows.add(new Row("本人の希望", r.wish()));
        }
        if (r.goals() != null && !r.goals().isEmpty()) {
            rows.add(new Row("目標", String.join("\n", r.goals())));
        }
        if (r.reviewOn() != null) {
            rows.add(new Row("見直し予定日", Wareki.format(r.reviewOn())));
        }
        if (r.note() != null) {
            rows.add(new Row("記録", r.note()));
        }
        return rows;
    }

    private static List<Line> lines(List<MinutesChanges.Change> changes) {
        if (changes == null) {
            return List.of();
        }
        return changes.stream().map(c -> new Line(c.householdLabel() != null ? c.householdLabel() + " " + c.label()
                : c.caseId() == null ? c.label() : "ケース " + caseName(c.caseId(), c.caseNumber()) + " " + c.label(),
                c.before() == null ? "（なし）" : c.before(), c.after() == null ? "（なし）" : c.after())).toList();
    }

    private static void time(List<Row> rows, String label, LocalTime start, LocalTime end) {
        if (start != null || end != null) {
            rows.add(new Row(label, (start == null ? "" : start.format(TIME)) + "〜"
                    + (end == null ? "" : end.format(TIME))));
        }
    }

    /** A case as people name it: its 受付番号, or its id when it was received before case numbers were given. */
    private static String caseName(String caseId, String caseNumber) {
        return caseNumber != null ? caseNumber : caseId;
    }

    private static String css() {
        try (InputStream in = MinutesPage.class.getResourceAsStream("gijiroku.css")) {
            if (in == null) {
                throw new IllegalStateException("gijiroku.css is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
