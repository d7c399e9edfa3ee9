package jp.tsunagu.reporting.figures;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;

import java.util.List;

import static jp.tsunagu.support.db.SqlValues.localDate;

/** Reads the projected facts of one municipality and computes its fiscal-year figures. */
@ApplicationScoped
public class FiguresRepository {

    public Uni<List<FiscalYearFigures.Year>> years(String municipality, FiscalYear from, FiscalYear to) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                                select meeting_id, type, held_on from meeting_held
                                 where municipality = :m and held_on between :from and :to""", Object[].class)
                        .setParameter("m", municipality).setParameter("from", from.start()).setParameter("to", to.end())
                        .getResultList()
                        .map(rows -> rows.stream().map(r -> new FiscalYearFigures.MeetingHeld((String) r[0],
                                MeetingType.valueOf((String) r[1]), localDate(r[2]))).toList())
                        .chain(meetings -> s.createNativeQuery("""
                                        select meeting_id, case_id, meeting_type, held_on from case_review
                                         where municipality = :m and held_on between :from and :to""", Object[].class)
                                .setParameter("m", municipality).setParameter("from", from.start())
                                .setParameter("to", to.end())
                                .getResultList()
                                .map(rows -> rows.stream().map(r -> new FiscalYearFigures.Review((String) r[0],
                                        (String) r[1], MeetingType.valueOf((String) r[2]), localDate(r[3]))).toList())
                                .chain(reviews -> s.createNativeQuery("""
                                                select plan_id, plan_type, kind, business_date from plan_change
                                                 where municipality = :m and business_date between :from and :to""",
                                                Object[].class)
                                        .setParameter("m", municipality).setParameter("from", from.start())
                                        .setParameter("to", to.end())
                                        .getResultList()
                                        .map(rows -> rows.stream().map(r -> new FiscalYearFigures.PlanChange(
                                                (String) r[0], PlanType.valueOf((String) r[1]),
                                                FiscalYearFigures.Kind.valueOf((String) r[2]), localDate(r[3])))
                                                .toList())
                                        .map(changes -> FiscalYearFigures.compute(from, to, meetings, reviews,
                                                changes))))));
    }
}
