package jp.tsunagu.intake.importing;

import jakarta.annotation.Priority;
import jakarta.ws.rs.NameBinding;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method whose body is a file's raw bytes (an .xlsx, a CSV in CP932): taken as they came, before the check every
 * JSON body goes through (strict UTF-8), which a spreadsheet never passes. The size was refused above
 * {@code max-body-size} before the body was read.
 */
@NameBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RawUpload {

    /** Answers the bytes itself, so the interceptors after it (the JSON body checks) never see them. */
    @RawUpload
    @Provider
    @Priority(Priorities.ENTITY_CODER - 1000)
    class Bytes implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            return context.getType() == byte[].class ? context.getInputStream().readAllBytes() : context.proceed();
        }
    }
}
