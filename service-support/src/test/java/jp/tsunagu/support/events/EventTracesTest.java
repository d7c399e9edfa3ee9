package jp.tsunagu.support.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import jp.tsunagu.contract.schema.AsyncApiBundle;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trace context the services write is the one the AsyncAPI document describes: optional, in its pattern. */
class EventTracesTest {

    @Test
    void aRecordWrittenInATraceCarriesTheDocumentedTraceparent() throws Exception {
        String pattern = new ObjectMapper().readTree(AsyncApiBundle.json())
                .at("/components/schemas/TraceContextHeaders/properties/traceparent/pattern").asText();
        SpanContext span = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault());
        RecordHeaders headers = new RecordHeaders();
        EventTraces.inject(Context.root().with(Span.wrap(span)), headers);
        String traceparent = new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertTrue(traceparent.matches(pattern), traceparent + " against " + pattern);
        assertNull(headers.lastHeader("tracestate"), "Tsunagu sets no vendor state");

        RecordHeaders untraced = new RecordHeaders();
        EventTraces.inject(Context.root(), untraced);
        assertNull(untraced.lastHeader("traceparent"), "without a trace (tracing off) the header is absent");
    }
}
