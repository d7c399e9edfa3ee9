package jp.tsunagu.contract.importing;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.events.IntakeEvent;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What a case brought in from a city's own list (台帳) went through, read from the 状態 and プラン種別 the list gave:
 * the one rule intake checks a row with and routing and planning follow when they write the case's past events.
 *
 * @param hand     how the case left intake: routed by the rules as a live referral would be, routed to the listed
 *                 agency, passed to 多機関協働 (a meeting's queue), or sent out for アウトリーチ
 * @param accepted the agency accepted it ({@code routing-accepted})
 * @param planned  the case has a plan ({@code plan-created}, dated 作成日)
 * @param closed   the plan was closed ({@code plan-closed}, dated 終結日)
 */
public record ImportedStages(Hand hand, boolean accepted, boolean planned, boolean closed) {

    public enum Hand { BY_RULES, ROUTED, ESCALATED, OUTREACH }

    /** The columns of a row this rule speaks of (intake names them in the sheet's own headers). */
    public enum Column { STATUS, AGENCY, ROUTED_ON, ACCEPTED_ON, PLAN_TYPE, PLAN_MADE_ON, CLOSED_ON }

    /** One thing wrong with a row: the column and why, in Japanese for the coordinator who fixes the sheet. */
    public record Problem(Column column, String reason) {
    }

    /** A row's stage cells as read (each null when the cell is empty). */
    public record Row(CaseStatus status, String agencyId, LocalDate receivedOn, LocalDate routedOn,
                      LocalDate acceptedOn, PlanType planType, LocalDate planMadeOn, LocalDate closedOn) {
    }

    public sealed interface Result {
    }

    /** The row's stages, with the days routing dates its events (つなぎ日 defaults to 受付日, 受入日 to つなぎ日). */
    public record Valid(ImportedStages stages, LocalDate routedOn, LocalDate acceptedOn) implements Result {
    }

    public record Invalid(List<Problem> problems) implements Result {
    }

    /** The stages of an imported case as its event says (the row was checked before the event was written). */
    public static ImportedStages of(IntakeEvent.CaseImported e) {
        return stagesOf(e.status(), e.planType());
    }

    public static Result check(Row row, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        if (row.status() == null) {
            problems.add(new Problem(Column.STATUS, "状態がありません（" + statusLabels() + "のどれかを書いてください）"));
            return new Invalid(problems);
        }
        if (row.status() == CaseStatus.DECLINED) {
            problems.add(new Problem(Column.STATUS, "「受入辞退」は取り込めません。辞退のあとの今の状態（つなぎ先決定・多機関協働へ など）を"
                    + "書いてください"));
            return new Invalid(problems);
        }
        boolean planned = row.status() == CaseStatus.PLAN_ACTIVE || row.status() == CaseStatus.CLOSED;
        String status = "状態が「" + row.status().label() + "」の案件";
        if (planned && row.planType() == null) {
            problems.add(new Problem(Column.PLAN_TYPE, status + "にはプラン種別が要ります"));
        }
        if (planned && row.planMadeOn() == null) {
            problems.add(new Problem(Column.PLAN_MADE_ON, status + "にはプランの作成日が要ります"));
        }
        if (!planned && row.planType() != null) {
            problems.add(new Problem(Column.PLAN_TYPE, status + "にプランは書けません（プランがあれば状態を「プラン実施中」か「終結」に）"));
        }
        if (!planned && row.planMadeOn() != null) {
            problems.add(new Problem(Column.PLAN_MADE_ON, status + "にプランの作成日は書けません（プランがあれば状態を「プラン実施中」か「終結」に）"));
        }
        boolean closed = row.status() == CaseStatus.CLOSED;
        if (closed && row.closedOn() == null) {
            problems.add(new Problem(Column.CLOSED_ON, status + "には終結日が要ります"));
        }
        if (!closed && row.closedOn() != null) {
            problems.add(new Problem(Column.CLOSED_ON, status + "に終結日は書けません（終結していれば状態を「終結」に）"));
        }
        if (planned && row.planType() == null) {
            return new Invalid(problems);
        }
        ImportedStages stages = stagesOf(row.status(), row.planType());
        switch (stages.hand()) {
            case ROUTED, OUTREACH -> {
                if (row.agencyId() == null) {
                    problems.add(new Problem(Column.AGENCY, status + (planned ? "（" + row.planType().label() + "）" : "")
                            + "には担当機関が要ります"));
                }
            }
            case BY_RULES -> {
                if (row.agencyId() != null) {
                    problems.add(new Problem(Column.AGENCY, status + "に担当機関は書けません（つなぎ先が決まっていれば状態を「つなぎ先決定」"
                            + "か「受入」に）"));
                }
                if (row.routedOn() != null) {
                    problems.add(new Problem(Column.ROUTED_ON, status + "につなぎ日は書けません"));
                }
            }
            case ESCALATED -> {
                if (!planned && row.agencyId() != null) {
                    problems.add(new Problem(Column.AGENCY, status + "に担当機関は書けません（役割は会議で決めます。"
                            + "多機関協働プランがあれば状態を「プラン実施中」に）"));
                }
            }
        }
        if (!stages.accepted() && row.acceptedOn() != null) {
            problems.add(new Problem(Column.ACCEPTED_ON, status + "に受入日は書けません"));
        }
        LocalDate routedOn = row.routedOn() != null ? row.routedOn() : row.receivedOn();
        LocalDate acceptedOn = !stages.accepted() ? null : row.acceptedOn() != null ? row.acceptedOn() : routedOn;
        order(problems, Column.ROUTED_ON, "つなぎ日", row.routedOn(), row.receivedOn(), "受付日");
        order(problems, Column.ACCEPTED_ON, "受入日", row.acceptedOn(), routedOn, "つなぎ日");
        order(problems, Column.PLAN_MADE_ON, "プランの作成日", row.planMadeOn(),
                acceptedOn != null ? acceptedOn : routedOn, acceptedOn != null ? "受入日" : "つなぎ日");
        order(problems, Column.CLOSED_ON, "終結日", row.closedOn(), row.planMadeOn(), "プランの作成日");
        future(problems, Column.ROUTED_ON, "つなぎ日", row.routedOn(), today);
        future(problems, Column.ACCEPTED_ON, "受入日", row.acceptedOn(), today);
        future(problems, Column.PLAN_MADE_ON, "プランの作成日", row.planMadeOn(), today);
        future(problems, Column.CLOSED_ON, "終結日", row.closedOn(), today);
        return problems.isEmpty() ? new Valid(stages, routedOn, acceptedOn) : new Invalid(List.copyOf(problems));
    }

    private static ImportedStages stagesOf(CaseStatus status, PlanType planType) {
        return switch (status) {
            case RECEIVED -> new ImportedStages(Hand.BY_RULES, false, false, false);
            case ROUTED -> new ImportedStages(Hand.ROUTED, false, false, false);
            case ACCEPTED -> new ImportedStages(Hand.ROUTED, true, false, false);
            case IN_OUTREACH -> new ImportedStages(Hand.OUTREACH, true, false, false);
            case ESCALATED, IN_MEETING -> new ImportedStages(Hand.ESCALATED, false, false, false);
            case PLAN_ACTIVE, CLOSED -> {
                boolean closed = status == CaseStatus.CLOSED;
                yield switch (planType) {
                    // a 多機関協働プラン is the meeting's: the case was passed to 多機関協働, no agency accepted it
                    case MULTI_AGENCY -> new ImportedStages(Hand.ESCALATED, false, true, closed);
                    case OUTREACH -> new ImportedStages(Hand.OUTREACH, true, true, closed);
                    case PARTICIPATION -> new ImportedStages(Hand.ROUTED, true, true, closed);
                };
            }
            case DECLINED -> throw new IllegalArgumentException("a declined case is not imported");
        };
    }

    private static void order(List<Problem> problems, Column column, String name, LocalDate date, LocalDate earliest,
                              String earliestName) {
        if (date != null && earliest != null && date.isBefore(earliest)) {
            problems.add(new Problem(column, name + "が" + earliestName + "より前です"));
        }
    }

    private static void future(List<Problem> problems, Column column, String name, LocalDate date, LocalDate today) {
        if (date != null && date.isAfter(today)) {
            problems.add(new Problem(column, name + "が未来の日付です"));
        }
    }

    private static String statusLabels() {
        return java.util.Arrays.stream(CaseStatus.values()).filter(s -> s != CaseStatus.DECLINED)
                .map(CaseStatus::label).collect(java.util.stream.Collectors.joining("・"));
    }
}
