package jp.tsunagu.console.cases;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.CatchUp;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.NotYetRecorded;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.RoutingApi;
import jp.tsunagu.console.services.ServiceCalls;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The case page's reads when intake is behind routing: given what each service answers in turn, when the page reads
 * the case, then what it shows, and which calls it made.
 */
class CaseReadsTest {

    private static final String CASE = "0b9c6a52-51f4-4d8e-9a51-6e0f3c2f4a10";
    private static final Duration PAUSE = Duration.ofMillis(1);

    private final List<String> calls = new ArrayList<>();
    private final Deque<Supplier<Response>> intakeAnswers = new ArrayDeque<>();
    private final Deque<Supplier<Response>> routingAnswers = new ArrayDeque<>();

    private final IntakeApi intake = (IntakeApi) Proxy.newProxyInstance(IntakeApi.class.getClassLoader(),
            new Class<?>[] {IntakeApi.class}, (proxy, method, args) -> {
                calls.add("intake." + method.getName());
                return (intakeAnswers.size() > 1 ? intakeAnswers.poll() : intakeAnswers.peek()).get();
            });
    private final RoutingApi routing = (RoutingApi) Proxy.newProxyInstance(RoutingApi.class.getClassLoader(),
            new Class<?>[] {RoutingApi.class}, (proxy, method, args) -> {
                calls.add("routing." + method.getName());
                return (routingAnswers.size() > 1 ? routingAnswers.poll() : routingAnswers.peek()).get();
            });

    private CaseReads reads(Duration wait) {
        return new CaseReads(intake, routing, new ServiceCalls(new ObjectMapper()), new CatchUp(wait, PAUSE, PAUSE));
    }

    private static Supplier<Response> json(String body) {
        return () -> Response.ok(body, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Supplier<Response> status(int status) {
        return () -> Response.status(status).build();
    }

    @Test
    void givenACaseBothServicesShowWhenReadThenBothViewsAndNoWait() {
        intakeAnswers.add(json("{\"status\":\"ROUTED\"}"));
        routingAnswers.add(json("{\"state\":\"AWAITING\"}"));

        CaseReads.Read read = reads(Duration.ofMinutes(1)).read(CASE);

        assertEquals("ROUTED", read.status().path("status").asText());
        assertEquals("AWAITING", read.routing().path("state").asText());
        assertEquals(List.of("intake.status", "routing.routing"), calls);
    }

    @Test
    void givenTheReferrerWhomRoutingShowsNothingWhenReadThenIntakesStatusAlone() {
        intakeAnswers.add(json("{\"status\":\"ROUTED\"}"));
        routingAnswers.add(status(404));

        assertNull(reads(Duration.ofMinutes(1)).read(CASE).routing());
    }

    @Test
    void givenRoutingRefusingForLoadWhenReadThenTheRefusalIsSaidNotTheAnswerFormLeftOut() {
        intakeAnswers.add(json("{\"status\":\"ROUTED\"}"));
        routingAnswers.add(status(429));

        Refused refused = assertThrows(Refused.class, () -> reads(Duration.ofMinutes(1)).read(CASE));
        assertEquals(429, refused.status());
    }

    @Test
    void givenACaseNeitherServiceShowsHerWhenReadThenNotVisibleAtOnce() {
        intakeAnswers.add(status(404));
        routingAnswers.add(status(404));

        assertThrows(NotVisible.class, () -> reads(Duration.ofMinutes(1)).read(CASE));
        assertEquals(List.of("intake.status", "routing.routing"), calls, "no wait for a case that is not hers");
    }

    @Test
    void givenACaseRoutingHasJustSentHerWhenIntakeRecordsItThenThePageShowsIt() {
        intakeAnswers.add(status(404));
        intakeAnswers.add(status(404));
        intakeAnswers.add(json("{\"status\":\"ROUTED\"}"));
        routingAnswers.add(json("{\"state\":\"AWAITING\"}"));

        CaseReads.Read read = reads(Duration.ofMinutes(1)).read(CASE);

        assertEquals("ROUTED", read.status().path("status").asText());
        assertEquals("AWAITING", read.routing().path("state").asText());
        assertEquals(List.of("intake.status", "routing.routing", "intake.status", "intake.status"), calls,
                "routing read once");
    }

    @Test
    void givenIntakeStillBehindAfterTheWaitWhenReadThenNotYetRecordedRatherThanNotVisible() {
        intakeAnswers.add(status(404));
        routingAnswers.add(json("{\"state\":\"AWAITING\"}"));

        assertThrows(NotYetRecorded.class, () -> reads(Duration.ofMillis(20)).read(CASE));
    }

    @Test
    void givenHerAcceptanceWhenIntakeRecordsItThenTheWaitEnds() {
        intakeAnswers.add(json("{\"status\":\"ROUTED\"}"));
        intakeAnswers.add(json("{\"status\":\"ACCEPTED\"}"));

        reads(Duration.ofMinutes(1)).awaitAcceptance(CASE);

        assertEquals(List.of("intake.status", "intake.status"), calls);
    }

    @Test
    void givenIntakeDownAfterRoutingTookHerAcceptanceWhenWaitingThenNoErrorHere() {
        intakeAnswers.add(() -> {
            throw new ProcessingException("connection refused");
        });

        assertDoesNotThrow(() -> reads(Duration.ofMinutes(1)).awaitAcceptance(CASE),
                "routing recorded the acceptance: the next page names intake's outage");
    }
}
