package jp.tsunagu.routing.webhook;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.routing.notice.NoticeType;
import jp.tsunagu.support.db.InTransaction;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.FieldErrors;
import jp.tsunagu.support.security.Caller;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** An agency's webhook subscriptions: made, listed, read with their deliveries, deleted. Its own only. */
@ApplicationScoped
public class SubscriptionService {

    /** Subscriptions an agency may hold at once. */
    static final int MAX_PER_AGENCY = 10;

    private final SubscriptionRecords records;
    private final WebhookUrlPolicy policy;

    public SubscriptionService(SubscriptionRecords records, WebhookUrlPolicy policy) {
        this.records = records;
        this.policy = policy;
    }

    public Uni<Subscription> create(Caller caller, SubscriptionRequest request) {
        if (request == null) {
            throw ApiProblem.badRequest("body-missing", "a JSON body is required");
        }
        List<String> types = types(request.eventTypes());
        // the URL's host is resolved (a DNS lookup can block): off the event loop
        return Uni.createFrom().item(() -> policy.check(request.url()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(uri -> store(caller, uri, types));
    }

    @InTransaction
    Uni<Subscription> store(Caller caller, URI uri, List<String> types) {
        String id = "sub_" + UUID.randomUUID().toString().replace("-", "");
        String secret = WebhookSignature.newSecret();
        return records.of(caller.municipality(), caller.agencyId()).chain(existing -> {
            if (existing.size() >= MAX_PER_AGENCY) {
                throw ApiProblem.conflict("too-many-subscriptions", "an agency holds at most " + MAX_PER_AGENCY
                        + " subscriptions: delete one first");
            }
            return records.insert(new SubscriptionRecords.New(id, caller.municipality(), caller.agencyId(),
                    uri.toString(), types, secret));
        }).chain(() -> records.find(caller.municipality(), caller.agencyId(), id))
                .map(found -> {
                    Subscription s = found.orElseThrow();
                    return new Subscription(s.id(), s.url(), s.eventTypes(), s.state(), s.disabledReason(),
                            s.consecutiveFailures(), s.createdAt(), secret);
                });
    }

    @InTransaction
    public Uni<List<Subscription>> list(Caller caller) {
        return records.of(caller.municipality(), caller.agencyId());
    }

    @InTransaction
    public Uni<Subscription> get(Caller caller, String id) {
        return records.find(caller.municipality(), caller.agencyId(), id)
                .map(found -> found.orElseThrow(() -> ApiProblem.notFound("subscription " + id)));
    }

    @InTransaction
    public Uni<Void> delete(Caller caller, String id) {
        return records.delete(caller.municipality(), caller.agencyId(), id).map(deleted -> {
            if (!deleted) {
                throw ApiProblem.notFound("subscription " + id);
            }
            return null;
        });
    }

    @InTransaction
    public Uni<List<Delivery>> deliveries(Caller caller, String id, int limit) {
        return get(caller, id).chain(s -> records.deliveries(s.id(), limit));
    }

    private static List<String> types(List<String> given) {
        if (given == null) {
            return List.of();
        }
        Set<String> types = new LinkedHashSet<>();
        List<FieldError> errors = new FieldErrors(); // bounded: 30,000 bad event types keep the first
        for (int i = 0; i < given.size(); i++) {
            String code = given.get(i) == null ? "" : given.get(i).strip();
            try {
                types.add(NoticeType.ofCode(code).code());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("eventTypes[" + i + "]", "one of "
                        + List.of(NoticeType.values()).stream().map(NoticeType::code).toList()));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.validation(errors);
        }
        return List.copyOf(types);
    }
}
