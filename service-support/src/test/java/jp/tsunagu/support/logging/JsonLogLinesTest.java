package jp.tsunagu.support.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.MDC;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonLogLinesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @AfterEach
    void clearMdc() {
        MDC.clear();
    }

    private static ExtLogRecord record(String pattern, Object... params) {
        ExtLogRecord record = new ExtLogRecord(Level.WARNING, pattern, ExtLogRecord.FormatStyle.PRINTF,
                JsonLogLinesTest.class.getName());
        record.setLoggerName("jp.tsunagu.routing.webhook");
        record.setParameters(params);
        return record;
    }

    @Test
    void aRecordBecomesOneJsonLineWithTheServiceTheTraceAndTheException() throws Exception {
        MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        ExtLogRecord record = record("通知の送信に失敗しました: %s 回目 \"%s\"", 3, "https://agency.example/hook");
        record.setThrown(new IllegalStateException("connection refused\nsecond line"));
        record.copyMdc();

        assertTrue(new JsonLogLines(true, "routing-service").isLoggable(record));

        String line = record.getFormattedMessage();
        assertFalse(line.contains("\n"), "one line: " + line);
        assertTrue(line.chars().allMatch(c -> c < 128), "ASCII, whatever the console's encoding: " + line);
        JsonNode json = JSON.readTree(line);
        assertEquals("WARNING", json.get("level").asText());
        assertEquals("jp.tsunagu.routing.webhook", json.get("loggerName").asText());
        assertEquals("通知の送信に失敗しました: 3 回目 \"https://agency.example/hook\"", json.get("message").asText());
        assertEquals("routing-service", json.get("service").asText());
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", json.get("mdc").get("traceId").asText());
        assertEquals("java.lang.IllegalStateException", json.get("exception").get("exceptionType").asText());
        assertTrue(json.get("stackTrace").asText().contains("connection refused"), line);
        assertTrue(json.hasNonNull("timestamp"), line);
        assertNull(record.getThrown(), "the console prints the line alone: the exception is in it");
    }

    @Test
    void textLogsAreLeftAsTheyAre() {
        ExtLogRecord record = record("started in %ss", "1.5");
        IllegalStateException thrown = new IllegalStateException("x");
        record.setThrown(thrown);

        assertTrue(new JsonLogLines(false, "intake-service").isLoggable(record));

        assertEquals("started in 1.5s", record.getFormattedMessage());
        assertSame(thrown, record.getThrown());
    }
}
