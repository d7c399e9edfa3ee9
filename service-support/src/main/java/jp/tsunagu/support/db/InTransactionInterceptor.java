package jp.tsunagu.support.db;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/** Runs {@link InTransaction} methods inside {@link Database#inTransaction}. */
@InTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class InTransactionInterceptor {

    private final Database database;

    public InTransactionInterceptor(Database database) {
        this.database = database;
    }

    @AroundInvoke
    @SuppressWarnings("unchecked")
    Object around(InvocationContext invocation) {
        if (!Uni.class.isAssignableFrom(invocation.getMethod().getReturnType())) {
            throw new IllegalStateException("@InTransaction on a method not returning Uni: " + invocation.getMethod());
        }
        return database.inTransaction(() -> {
            try {
                return (Uni<Object>) invocation.proceed();
            } catch (Exception e) {
                return Uni.createFrom().failure(e);
            }
        });
    }
}
