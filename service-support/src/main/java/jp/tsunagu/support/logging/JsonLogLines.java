package jp.tsunagu.support.logging;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logmanager.ExtLogRecord;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.quarkus.logging.LoggingFilter;

/**
 * Writes each console log line as one JSON object when {@code tsunagu.log.json=true}, for a city whose log collector
 * reads JSON; otherwise it lets every record through untouched.
 *
 * <p>Quarkus lets only an extension give the console another formatter, and quarkus-logging-json is not served to
 * this build at the platform's version (jboss-logmanager's own JSON formatter cannot be used from the application
 * either: it is loaded before the application's libraries and cannot see a JSON writer). A logging filter, though, is
 * set up with the console itself, before the first line of the start: this one renders the record as JSON, makes
 * that the record's whole message, and the console's pattern prints the message alone
 * ({@code tsunagu.log.console-format.true}). The record is the console's alone: the services log to no other handler.
 *
 * <p>The fields follow the names quarkus-logging-json uses, so a collector set up for it reads these lines:
 * {@code timestamp}, {@code sequence}, {@code loggerName}, {@code level}, {@code message}, {@code threadName},
 * {@code threadId}, {@code mdc} (with OpenTelemetry's {@code traceId} and {@code spanId} when traces are on),
 * {@code exception} and {@code stackTrace}, plus {@code service}.
 */
@LoggingFilter(name = "tsunagu-log-lines")
public final class JsonLogLines implements Filter {

    // ASCII, the rest escaped: the line survives a console whose encoding is not UTF-8, and a collector decodes it
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private final boolean json;
    private final String service;

    public JsonLogLines(@ConfigProperty(name = "tsunagu.log.json", defaultValue = "false") boolean json,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "tsunagu") String service) {
        this.json = json;
        this.service = service;
    }

    @Override
    public boolean isLoggable(LogRecord record) {
        if (json && record instanceof ExtLogRecord ext) {
            String line = line(ext);
            ext.setMessage(line, ExtLogRecord.FormatStyle.NO_FORMAT);
            ext.setParameters(null);
            ext.setThrown(null);
        }
        return true;
    }

    String line(ExtLogRecord record) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("timestamp", Instant.ofEpochMilli(record.getMillis()).toString());
            g.writeNumberField("sequence", record.getSequenceNumber());
            g.writeStringField("loggerName", record.getLoggerName());
            g.writeStringField("level", record.getLevel().getName());
            g.writeStringField("message", record.getFormattedMessage());
            g.writeStringField("threadName", record.getThreadName());
            g.writeNumberField("threadId", record.getLongThreadID());
            Map<String, String> mdc = record.getMdcCopy();
            if (mdc != null && !mdc.isEmpty()) {
                g.writeObjectFieldStart("mdc");
                for (var entry : new TreeMap<>(mdc).entrySet()) {
                    g.writeStringField(entry.getKey(), entry.getValue());
                }
                g.writeEndObject();
            }
            Throwable thrown = record.getThrown();
            if (thrown != null) {
                g.writeObjectFieldStart("exception");
                g.writeStringField("exceptionType", thrown.getClass().getName());
                g.writeStringField("message", thrown.getMessage());
                g.writeEndObject();
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                g.writeStringField("stackTrace", trace.toString());
            }
            g.writeStringField("service", service);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
