package jp.tsunagu.support.db;

import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A method returning {@code Uni} whose statements form one transaction ({@link Database#inTransaction}): committed
 * when the {@code Uni} succeeds, rolled back when it fails; a call from inside a transaction joins it.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface InTransaction {
}
