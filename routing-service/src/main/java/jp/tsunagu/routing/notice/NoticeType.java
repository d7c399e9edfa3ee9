package jp.tsunagu.routing.notice;

/**
 * What Tsunagu tells an agency, by webhook and on its inbox feed. Codes and CloudEvents types are stable: agencies'
 * systems are written against them.
 */
public enum NoticeType {

    CASE_ROUTED("case-routed", "ケースが回付されました。受入の可否を回答してください",
            "a case was routed to your agency: accept or decline it"),
    ANSWER_DUE("answer-due", "受入の回答期限は翌開庁日です", "your answer is due by the next business day"),
    CASE_TAKEN_AWAY("case-taken-away", "回答期限を過ぎたため、ケースは多機関協働事業に移りました",
            "not answered by its deadline: the case went to multi-agency coordination"),
    MEETING_INVITATION("meeting-invitation", "会議の構成員として招集されました", "your agency was invited to a meeting"),
    PLAN_ROLE("plan-role", "支援プランで役割を担うことになりました", "your agency was given a role in a support plan"),
    PLAN_REVIEW_DUE("plan-review-due", "役割を担う支援プランの見直し時期です",
            "a plan your agency has a role in is due for review"),
    // to the referring agency, about a case it referred (Notices.toReferrer)
    REFERRAL_ACCEPTED("referral-accepted", "紹介したケースが受理されました", "a case you referred was accepted"),
    REFERRAL_DECLINED("referral-declined", "紹介したケースの受入を辞退されました",
            "an agency declined a case you referred"),
    REFERRAL_PASSED_ON("referral-passed-on", "紹介したケースが次の機関に回付されました",
            "a case you referred was routed on to another agency"),
    REFERRAL_ESCALATED("referral-escalated", "紹介したケースが多機関協働事業に移りました",
            "a case you referred went to multi-agency coordination");

    private final String code;
    private final String labelJa;
    private final String labelEn;

    NoticeType(String code, String labelJa, String labelEn) {
        this.code = code;
        this.labelJa = labelJa;
        this.labelEn = labelEn;
    }

    /** As subscriptions name it ({@code eventTypes}). */
    public String code() {
        return code;
    }

    /** The CloudEvents {@code type} of the notice. */
    public String ceType() {
        return "jp.tsunagu.notice." + code + ".v1";
    }

    public String labelJa() {
        return labelJa;
    }

    public String labelEn() {
        return labelEn;
    }

    /** About one case (every notice but an invitation, which is about a meeting). */
    public boolean aboutACase() {
        return this != MEETING_INVITATION;
    }

    public static NoticeType ofCode(String code) {
        for (NoticeType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException(code);
    }
}
