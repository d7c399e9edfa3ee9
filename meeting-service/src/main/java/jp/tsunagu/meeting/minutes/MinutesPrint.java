package jp.tsunagu.meeting.minutes;

import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Wareki;
import jp.tsunagu.meeting.agenda.MeetingView;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import static jp.tsunagu.support.http.Html.escape;

/**
 * A meeting's 議事録 as a page to print (A4, Japanese): the meeting, who attended, each case reviewed in the order
 * discussed with its outcome, plan type, roles, a plan's wish, goals and review date, and the note; the current
 * version of corrected minutes with its 訂正履歴. A 支援会議's minutes are headed with its duty of confidentiality
 * (社会福祉法第106条の6). Agencies are named as the directory names them, cases by their 受付番号 (by their id when
 * received before case numbers were given), so nobody reads out a UUID.
 */
public final class MinutesPrint {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private MinutesPrint() {
    }

    /** @param agencyName the directory's name of an agency id (the id itself when the directory does not know it) */
    public static String html(String municipalityName, MeetingView m, Function<String, String> agencyName) {
        StringBuilder b = new StringBuilder(4096);
        b.append("""
                <!DOCTYPE html>
                <html lang="ja"><head><meta charset="utf-8">
                <title>""").append(escape(m.typeLabel())).append(" 議事録 ").append(Wareki.format(m.heldOn())).append("""
                </title>
                <style>
                @page { size: A4; margin: 18mm 16mm; }
                body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif;
                       font-size: 10.5pt; line-height: 1.6; color: #000; }
                h1 { font-size: 16pt; text-align: center; margin: 0 0 4mm; }
                .confidential { border: 2px solid #000; padding: 2mm 4mm; margin: 0 0 5mm; font-weight: bold; }
                table { border-collapse: collapse; width: 100%; margin: 0 0 5mm; }
                th, td { border: 1px solid #000; padding: 1.5mm 2mm; vertical-align: top; text-align: left; }
                th { background: #eee; width: 22%; white-space: nowrap; }
                .review { page-break-inside: avoid; }
                .note { white-space: pre-wrap; }
                </style></head><body>
                """);
        b.append("<h1>").append(escape(municipalityName)).append(' ').append(escape(m.typeLabel()))
                .append(" 議事録</h1>\n");
        if (m.type() == MeetingType.SHIEN_KAIGI) {
            b.append("<p class=\"confidential\">本会議は社会福祉法第106条の6に基づく支援会議です。構成員及び構成員であった者は、"
                    + "正当な理由がなく、支援会議の事務に関して知り得た秘密を漏らしてはなりません（同条第5項）。"
                    + "本議事録の取扱いに注意してください。</p>\n");
        }
        MeetingView.Held held = m.held();
        b.append("<table>\n");
        row(b, "開催日", m.heldOn() == null ? "未開催（予定日 " + Wareki.format(m.scheduledOn()) + "）" : Wareki.format(m.heldOn()));
        if (held != null && (held.startTime() != null || held.endTime() != null)) {
            row(b, "時間", (held.startTime() == null ? "" : held.startTime().format(TIME)) + "〜"
                    + (held.endTime() == null ? "" : held.endTime().format(TIME)));
        }
        if (held != null && held.place() != null) {
            row(b, "会場", held.place());
        }
        if (held != null && held.chair() != null) {
            row(b, "司会・進行", held.chair());
        }
        row(b, "出席機関", names(m.attendees(), agencyName));
        row(b, "会議ID", m.meetingId() + (m.adHoc() ? "（臨時開催）" : ""));
        if (m.minutesVersion() != null && m.minutesVersion() > 1) {
            row(b, "版", "第" + m.minutesVersion() + "版（訂正" + (m.minutesVersion() - 1) + "回、訂正履歴は末尾）");
        }
        b.append("</table>\n");
        if (held != null && held.notes() != null) {
            b.append("<h2>全体の記録</h2>\n<p class=\"note\">").append(escape(held.notes())).append("</p>\n");
        }
        List<MeetingView.ReviewView> reviews = m.reviews() == null ? List.of() : m.reviews();
        if (!reviews.isEmpty()) {
            b.append("<h2>検討したケース（").append(reviews.size()).append("件）</h2>\n");
        }
        int n = 1;
        for (MeetingView.ReviewView r : reviews) {
            b.append("<table class=\"review\">\n");
            row(b, n++ + ". ケース", caseName(r)
                    + (r.adHoc() ? "（議題外: " + nullToEmpty(r.adHocReason()) + "）" : ""));
            row(b, "結果", ReviewOutcome.valueOf(r.outcome()).label());
            if (r.planType() != null) {
                row(b, "プランの種類", PlanType.valueOf(r.planType()).label());
            }
            if (r.roles() != null && !r.roles().isEmpty()) {
                row(b, "役割分担", String.join("\n", r.roles().stream()
                        .map(role -> agencyName.apply(role.agencyId()) + "：" + role.responsibility()).toList()));
            }
            if (r.wish() != null) {
                row(b, "本人の希望", r.wish());
            }
            if (r.goals() != null && !r.goals().isEmpty()) {
                row(b, "目標", String.join("\n", r.goals()));
            }
            if (r.reviewOn() != null) {
                row(b, "見直し予定日", Wareki.format(r.reviewOn()));
            }
            if (r.note() != null) {
                row(b, "記録", r.note());
            }
            b.append("</table>\n");
        }
        List<MeetingView.Correction> corrections = m.corrections() == null ? List.of() : m.corrections();
        if (!corrections.isEmpty()) {
            b.append("<h2>訂正履歴</h2>\n<table>\n<tr><th>版</th><th>訂正日</th><th>理由</th><th>訂正したケース</th></tr>\n");
            for (MeetingView.Correction c : corrections) {
                b.append("<tr><td>第").append(c.version()).append("版</td><td>")
                        .append(escape(c.recordedAt() == null ? "" : Wareki.format(c.recordedAt().atZone(JAPAN).toLocalDate())))
                        .append("</td><td class=\"note\">").append(escape(nullToEmpty(c.reason())))
                        .append("</td><td>").append(escape(c.amendedCaseIds().isEmpty() ? "会議の記録"
                                : String.join("、", c.amendedCaseIds().stream().map(id -> reviews.stream()
                                .filter(r -> r.caseId().equals(id)).findFirst().map(MinutesPrint::caseName)
                                .orElse(id)).toList()))).append("</td></tr>\n");
            }
            b.append("</table>\n");
        }
        b.append("</body></html>\n");
        return b.toString();
    }

    /** A case as people name it: its 受付番号, or its id when it was received before case numbers were given. */
    private static String caseName(MeetingView.ReviewView r) {
        return r.caseNumber() != null ? r.caseNumber() : r.caseId();
    }

    private static String names(List<String> ids, Function<String, String> agencyName) {
        return ids == null || ids.isEmpty() ? "（記録なし）" : String.join("、", ids.stream().map(agencyName).toList());
    }

    private static void row(StringBuilder b, String label, String value) {
        b.append("<tr><th>").append(escape(label)).append("</th><td class=\"note\">").append(escape(value))
                .append("</td></tr>\n");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
