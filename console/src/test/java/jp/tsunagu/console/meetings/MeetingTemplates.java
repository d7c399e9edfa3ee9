package jp.tsunagu.console.meetings;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Results;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * The meeting pages' templates rendered outside Quarkus with the console's own {@code ja:} and {@code kaigi:}
 * extensions, {@code str:concat}, and a signed-in coordinator; a missing property renders as nothing, as the console
 * is set up.
 */
public final class MeetingTemplates {

    private MeetingTemplates() {
    }

    public static String render(String template, Map<String, Object> data) {
        Engine engine = Engine.builder().addDefaults().strictRendering(false)
                .addValueResolver(new ReflectionValueResolver())
                .addValueResolver(new WithParameters())
                .addNamespaceResolver(statics("ja", "jp.tsunagu.console.view.Ja"))
                .addNamespaceResolver(statics("kaigi", "jp.tsunagu.console.meetings.MeetingText"))
                .addNamespaceResolver(NamespaceResolver.builder("str").resolve(ctx -> args(ctx).thenApply(a ->
                        Arrays.stream(a).map(o -> o == null ? "" : o.toString()).collect(Collectors.joining())))
                        .build())
                .addNamespaceResolver(NamespaceResolver.builder("PlanTexts").resolve(ctx -> {
                    try {
                        return jp.tsunagu.contract.codes.PlanTexts.class.getField(ctx.getName()).get(null);
                    } catch (ReflectiveOperationException e) {
                        return Results.NotFound.from(ctx);
                    }
                }).build())
                .addNamespaceResolver(NamespaceResolver.builder("inject").resolve(ctx -> switch (ctx.getName()) {
                    case "staff" -> Map.of("coordinator", true, "present", true);
                    case "csrf" -> Map.of("token", "t");
                    default -> Results.NotFound.from(ctx);
                }).build())
                .addResultMapper(new io.quarkus.qute.ResultMapper() {
                    @Override
                    public boolean appliesTo(io.quarkus.qute.TemplateNode.Origin origin, Object result) {
                        return Results.isNotFound(result);
                    }

                    @Override
                    public String map(Object result, io.quarkus.qute.Expression expression) {
                        return "";
                    }
                })
                .addLocator(id -> Optional.ofNullable(MeetingTemplates.class.getResourceAsStream("/templates/" + id
                        + (id.endsWith(".html") ? "" : ".html"))).map(MeetingTemplates::location))
                .build();
        var instance = engine.getTemplate(template).instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static TemplateLocator.TemplateLocation location(InputStream in) {
        return new TemplateLocator.TemplateLocation() {
            @Override
            public Reader read() {
                return new InputStreamReader(in, StandardCharsets.UTF_8);
            }

            @Override
            public Optional<Variant> getVariant() {
                return Optional.empty();
            }
        };
    }

    private static NamespaceResolver statics(String namespace, String className) {
        return NamespaceResolver.builder(namespace).resolve(ctx -> {
            try {
                Method m = Arrays.stream(Class.forName(className).getDeclaredMethods())
                        .filter(x -> x.getName().equals(ctx.getName())
                                && x.getParameterCount() == ctx.getParams().size())
                        .findFirst().orElseThrow();
                m.setAccessible(true);
                return args(ctx).thenApply(a -> {
                    try {
                        return m.invoke(null, a);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).build();
    }

    private static CompletionStage<Object[]> args(EvalContext ctx) {
        List<CompletableFuture<Object>> values = new ArrayList<>();
        ctx.getParams().forEach(p -> values.add(ctx.evaluate(p).toCompletableFuture()));
        return CompletableFuture.allOf(values.toArray(CompletableFuture[]::new))
                .thenApply(v -> values.stream().map(CompletableFuture::join).toArray());
    }

    /** {@code households.opens(r_index)} and the like: a public method of the base with its arguments. */
    private static final class WithParameters implements ValueResolver {
        @Override
        public boolean appliesTo(EvalContext ctx) {
            return ctx.getBase() != null && !ctx.getParams().isEmpty() && !(ctx.getBase() instanceof Map);
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext ctx) {
            Method m = Arrays.stream(ctx.getBase().getClass().getMethods())
                    .filter(x -> x.getName().equals(ctx.getName()) && x.getParameterCount() == ctx.getParams().size())
                    .findFirst().orElse(null);
            if (m == null) {
                return CompletableFuture.completedFuture(Results.NotFound.from(ctx));
            }
            return args(ctx).thenApply(a -> {
                try {
                    m.setAccessible(true);
                    return m.invoke(ctx.getBase(), a);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
