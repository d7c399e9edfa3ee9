package jp.tsunagu.planning.plan;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.clock.BusinessClock;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/** The daily check that announces plans past their review date (a review-due event per plan version, once). */
@ApplicationScoped
public class ReviewCheck {

    private static final Logger LOG = Logger.getLogger(ReviewCheck.class);

    private final PlanService service;
    private final BusinessClock clock;

    public ReviewCheck(PlanService service, BusinessClock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(every = "${tsunagu.plans.review-check-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        LocalDate today = clock.today();
        return Multi.createFrom().iterable(service.municipalities())
                .onItem().transformToUniAndConcatenate(m -> service.announceReviewsDue(m, today))
                .collect().asList()
                .invoke(counts -> LOG.infof("review check: %s plan(s) due", counts.stream().mapToInt(i -> i).sum()))
                .onFailure().invoke(e -> LOG.warnf("review check failed (%s); it runs again", e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
