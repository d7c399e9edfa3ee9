package jp.tsunagu.contract.status;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.TsunaguEvent;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The closed loop as the referrer sees it: what each event of each stage means for a case's status. How those
 * meanings fold into the case's status, in whatever order the events arrive, is {@link CaseStage} (intake-service's
 * status view and reporting-service's stage both run it). An exhaustive switch, so a new event type does not compile
 * until someone decides what it means here.
 */
public final class CaseStatusRules {

    private CaseStatusRules() {
    }

    /**
     * The status of a case joined to another as the same person's ({@link IntakeEvent.DuplicateConfirmed}), for good:
     * later events of it (an agency accepting it, a meeting reviewing it) are lines of its history and move no status.
     * {@link CaseStage} keeps it, for intake's view and reporting's stage.
     */
    public static final CaseStatus JOINED = CaseStatus.CLOSED;

    /**
     * The status a case is seen in: one whose latest event would close it while one of its plans still runs (a plan
     * closed beside another, a 支援会議 closing a case whose plan only a 重層的支援会議 may close) stays PLAN_ACTIVE.
     */
    public static CaseStatus asSeen(CaseStatus latest, boolean planOpen) {
        return latest == CaseStatus.CLOSED && planOpen ? CaseStatus.PLAN_ACTIVE : latest;
    }

    /**
     * The line a confirmed duplicate adds to the history of the case it joins (the event's subject is the joining
     * case): its referral is now part of this case's history. Intake's status view and reporting's history both write
     * it under {@link #joinedEventId}.
     */
    public static StatusChange joined(IntakeEvent.DuplicateConfirmed e) {
        return StatusChange.note("同一人物の相談" + number(e.caseNumber()) + "をこの案件に統合");
    }

    /** The id of the line {@link #joined} writes in the joined case's history (one per confirming event). */
    public static String joinedEventId(String eventId) {
        return eventId + "/joined";
    }

    private static String number(String caseNumber) {
        return caseNumber == null ? "" : "（受付番号 " + caseNumber + "）";
    }

    private static String labels(List<? extends Coded> codes) {
        return codes.isEmpty() ? "なし" : codes.stream().map(Coded::label).collect(Collectors.joining("・"));
    }

    /**
     * What an event means for the case, its line of history in Japanese (no id, no personal value: the agency the
     * line is about is {@link StatusChange#about()}, named by whoever shows it). Empty for events that are not about
     * one case (a meeting being scheduled, a directory change).
     */
    public static Optional<StatusChange> of(TsunaguEvent event) {
        return Optional.ofNullable(switch (event) {
            case IntakeEvent.ReferralReceived e -> StatusChange.to(CaseStatus.RECEIVED, null,
                    "相談受付（" + e.channel().label() + "、緊急度: " + e.urgency().label() + "）");
            case IntakeEvent.ConsentRecorded e -> StatusChange.note("本人同意の記録: " + e.consent().label());
            case IntakeEvent.PersonErased e -> StatusChange.note("本人の情報を消去");
            // the referral joins the person's first case (its line there: joined); this one is closed as a duplicate
            case IntakeEvent.DuplicateConfirmed e -> StatusChange.to(CaseStatus.CLOSED, null,
                    "同一人物の案件" + number(e.duplicateOfCaseNumber()) + "に統合（重複として終結）");
            case IntakeEvent.DuplicateDismissed e -> StatusChange.note("重複の可能性を確認: 案件"
                    + number(e.notDuplicateOfCaseNumber()) + "とは別の人");
            case IntakeEvent.HouseholdLinked e -> StatusChange.note("世帯に登録");
            case IntakeEvent.HouseholdUnlinked e -> StatusChange.note("世帯から外す");
            // the stages it lists follow as routing's and planning's own events, each with its line
            case IntakeEvent.CaseImported e -> StatusChange.note("市の台帳から取込（台帳の状態: " + e.status().label() + "）");
            case RoutingEvent.CaseRouted e -> StatusChange.to(CaseStatus.ROUTED, e.agencyId(),
                    "支援機関へつなぐ（分野: " + labels(e.fields()) + "）");
            case RoutingEvent.CaseEscalated e -> new StatusChange(CaseStatus.ESCALATED, null, true,
                    "多機関協働へ（" + e.track().label() + "）" + (e.review().adHocNow() ? "・緊急" : ""), null, null);
            case RoutingEvent.OutreachRequested e -> StatusChange.to(CaseStatus.IN_OUTREACH, e.agencyId(),
                    "アウトリーチを依頼");
            case RoutingEvent.RoutingAccepted e -> StatusChange.to(CaseStatus.ACCEPTED, e.agencyId(), "受理");
            // the reason is the referrer's to read, not the next agency's
            case RoutingEvent.RoutingDeclined e -> new StatusChange(CaseStatus.DECLINED, null, false, "辞退",
                    e.reason(), e.agencyId());
            case RoutingEvent.AcceptanceOverdue e -> new StatusChange(null, null, false,
                    "期限までに受理されず（" + e.daysWaited() + "日経過）", null, e.agencyId());
            case RoutingEvent.DirectoryChanged e -> null;
            case MeetingEvent.MeetingScheduled e -> null;
            case MeetingEvent.MembersInvited e -> null;
            case MeetingEvent.MinutesRecorded e -> null;
            case MeetingEvent.MinutesAmended e -> null;
            case MeetingEvent.CaseQueued e -> StatusChange.to(CaseStatus.IN_MEETING, null,
                    e.track().label() + "の議題に");
            // a 支援会議's outcome is confidential to its members (社会福祉法第106条の6): the referrer sees that it met
            case MeetingEvent.CaseReviewed e when e.meetingType() == MeetingType.SHIEN_KAIGI -> StatusChange.to(
                    e.outcome() == ReviewOutcome.CLOSE ? CaseStatus.CLOSED : CaseStatus.IN_MEETING, null,
                    "支援会議で検討");
            case MeetingEvent.CaseReviewed e -> StatusChange.to(e.outcome() == ReviewOutcome.CLOSE ? CaseStatus.CLOSED
                    : CaseStatus.IN_MEETING, null, e.meetingType().label() + "で検討: " + e.outcome().label());
            // a correction that closes the case closes it; any other is a note (the plan it may make says the rest)
            case MeetingEvent.CaseReviewAmended e when e.outcomeChanged() && e.outcome() == ReviewOutcome.CLOSE ->
                    StatusChange.to(CaseStatus.CLOSED, null, e.meetingType().label() + "の議事録を訂正（第"
                            + e.version() + "版）: 終結");
            case MeetingEvent.CaseReviewAmended e when e.meetingType() == MeetingType.SHIEN_KAIGI -> StatusChange.note(
                    "支援会議の議事録を訂正（第" + e.version() + "版）");
            case MeetingEvent.CaseReviewAmended e -> StatusChange.note(e.meetingType().label() + "の議事録を訂正（第"
                    + e.version() + "版）" + (e.outcomeChanged() ? ": " + e.previousOutcome().label() + " → "
                    + e.outcome().label() : ""));
            case PlanningEvent.PlanCreated e -> StatusChange.to(CaseStatus.PLAN_ACTIVE, null,
                    e.type().label() + "を作成");
            case PlanningEvent.PlanDetailsCompleted e -> StatusChange.note(e.type().label() + "の内容を補完（第"
                    + e.version() + "版）");
            case PlanningEvent.PlanRevised e -> StatusChange.to(CaseStatus.PLAN_ACTIVE, null,
                    e.type().label() + "を再プラン（第" + e.version() + "版）");
            case PlanningEvent.PlanClosed e -> StatusChange.to(CaseStatus.CLOSED, null, e.type().label() + "を終結");
            case PlanningEvent.PlanReviewDue e -> StatusChange.note(e.type().label() + "の見直し時期");
            case PlanningEvent.PlacementMade e -> StatusChange.note("参加支援の受け入れ先が決定");
            case PlanningEvent.PlacementFollowedUp e -> StatusChange.note("定着支援（"
                    + (e.side() == PlanningEvent.FollowUpSide.PERSON ? "本人" : "受け入れ先") + "）");
        });
    }
}
