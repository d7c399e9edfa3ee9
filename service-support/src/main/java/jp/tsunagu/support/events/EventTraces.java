package jp.tsunagu.support.events;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * W3C trace context ({@code traceparent}, {@code tracestate}) in the stage topics' record headers, so that one
 * referral is one trace through every service: a command's events carry the request's context, and an event a
 * consumer emits carries the context of the event that caused it (its span in the batch that applied it, not the
 * batch's). With the OpenTelemetry SDK off (the default) there is no valid context and nothing is written.
 */
public final class EventTraces {

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapSetter<Headers> SETTER = (headers, key, value) -> {
        if (headers != null) {
            headers.remove(key);
            headers.add(key, value.getBytes(StandardCharsets.UTF_8));
        }
    };

    private static final TextMapGetter<Headers> GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(h -> keys.add(h.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header h = headers == null ? null : headers.lastHeader(key);
            return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
        }
    };

    private EventTraces() {
    }

    /** Writes the context into the record's headers (nothing when it holds no valid span). */
    static void inject(Context context, Headers headers) {
        W3C.inject(context, headers, SETTER);
    }

    /** The context the record was written in (the root context when it carries none). */
    static Context extract(ConsumerRecord<?, ?> record) {
        return W3C.extract(Context.root(), record.headers(), GETTER);
    }
}
