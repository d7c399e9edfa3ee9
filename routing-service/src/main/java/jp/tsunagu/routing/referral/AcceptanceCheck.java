package jp.tsunagu.routing.referral;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.clock.BusinessClock;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/**
 * The scheduled check that escalates routings nobody answered by their deadline (each escalation is an event), and
 * reminds the agencies whose answer is due on the next business day.
 */
@ApplicationScoped
public class AcceptanceCheck {

    private static final Logger LOG = Logger.getLogger(AcceptanceCheck.class);

    private final RoutingService service;
    private final BusinessClock clock;

    public AcceptanceCheck(RoutingService service, BusinessClock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Scheduled(every = "${tsunagu.routing.overdue-check-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        LocalDate today = clock.today();
        return service.escalateOverdue(null, today)
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("escalated %d routing(s) not answered by their deadline", n);
                    }
                })
                .chain(() -> service.remindDue(null, today))
                .onFailure().invoke(e -> LOG.warnf("acceptance check failed (%s); it runs again",
                        e.getClass().getName()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
