package jp.tsunagu.support.http;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import jp.tsunagu.support.problem.ApiProblem;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Every request body of every service, before Jackson reads it: a body sent without
 * {@code Content-Type: application/json} is 415 (a resource's {@code @Consumes} alone would take it), and a body
 * that is not strict UTF-8 (RFC 8259) is 415 {@code /problems/encoding}: Shift_JIS, overlong forms ({@code C0 AF}),
 * encoded surrogates, and UTF-16 or UTF-32 (which Jackson would otherwise detect and read; their NUL bytes give them
 * away, as JSON text never holds a raw NUL). The body is at most {@code max-body-size} ({@link RequestLimits}), so
 * it is read whole.
 */
@Provider
public class JsonBodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = context.getInputStream().readAllBytes();
        if (body.length > 0) {
            if (context.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE) == null) {
                throw ApiProblem.unsupportedMediaType();
            }
            if (!strictUtf8(body)) {
                throw ApiProblem.notUtf8();
            }
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** Whether the bytes are UTF-8 as RFC 3629 defines it (Java's decoder refuses overlong and surrogate forms). */
    static boolean strictUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
