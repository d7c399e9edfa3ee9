package jp.tsunagu.intake.importing;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** An import's job thread running reactive work on a Vert.x context of the job's (its transactions live there). */
final class OnContext {

    private OnContext() {
    }

    /** Runs the work on the context and waits for it here. */
    static <T> T await(Context context, Supplier<Uni<T>> work) {
        try {
            return start(context, work).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    static <T> CompletableFuture<T> start(Context context, Supplier<Uni<T>> work) {
        CompletableFuture<T> done = new CompletableFuture<>();
        context.runOnContext(ignored -> Uni.createFrom().deferred(work::get).subscribe()
                .with(done::complete, done::completeExceptionally));
        return done;
    }
}
