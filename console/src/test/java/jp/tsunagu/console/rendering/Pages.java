package jp.tsunagu.console.rendering;

import io.quarkus.qute.Engine;
import io.quarkus.qute.EvalContext;
import io.quarkus.qute.HtmlEscaper;
import io.quarkus.qute.Expression;
import io.quarkus.qute.NamespaceResolver;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.ResultMapper;
import io.quarkus.qute.Results;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.ValueResolver;
import io.quarkus.qute.Variant;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The console's own templates (src/main/resources/templates) rendered outside Quarkus, with what a page gives them:
 * the services' answers as JSON trees, the console's records, the {@code ja:} labels and dates of the real
 * {@code view/Ja}, and a signed-in person ({@code inject:staff}, {@code inject:csrf}) who is or is not a coordinator.
 * Values are HTML-escaped as Quarkus does for .html templates; as the console is set up (strict-rendering=false,
 * property-not-found-strategy=noop), a missing property renders as nothing.
 */
public final class Pages {

    /** The CSRF token the pages get; a form's hidden field carries it. */
    public static final String CSRF = "csrf-token-of-the-session";

    private Pages() {
    }

    /** {@code template} (e.g. {@code households/household.html}) rendered with {@code data}. */
    public static String render(String template, boolean coordinator, Map<String, Object> data) {
        Engine engine = Engine.builder().addDefaults().strictRendering(false)
                .addValueResolver(new ReflectionValueResolver())
                .addValueResolver(new CallsWithParameters())
                .addNamespaceResolver(NamespaceResolver.builder("ja").resolve(Pages::ja).build())
                .addNamespaceResolver(NamespaceResolver.builder("inject").resolve(ctx -> staff(ctx, coordinator))
                        .build())
                .addResultMapper(new NothingWhenMissing())
                .addResultMapper(new HtmlEscaper(List.of(Variant.TEXT_HTML)))
                .addLocator(new Classpath())
                .build();
        var instance = engine.getTemplate(template).instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private static Object staff(EvalContext ctx, boolean coordinator) {
        return switch (ctx.getName()) {
            case "staff" -> Map.of("present", true, "coordinator", coordinator, "agencyStaff", !coordinator,
                    "meetingMember", false, "analyst", false, "name", "職員", "municipalityName", "久留米市",
                    "agency", coordinator ? "" : "kurume-houkatsu-01");
            case "csrf" -> Map.of("token", CSRF);
            default -> Results.NotFound.from(ctx);
        };
    }

    /** {@code ja:date(x)} and the others: the console's own {@code view/Ja}. */
    private static CompletionStage<Object> ja(EvalContext ctx) {
        Method method = Arrays.stream(jaClass().getDeclaredMethods())
                .filter(m -> m.getName().equals(ctx.getName()) && m.getParameterCount() == ctx.getParams().size())
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no ja:" + ctx.getName()));
        method.setAccessible(true);
        return evaluated(ctx).thenApply(args -> invoke(method, null, args));
    }

    private static Class<?> jaClass() {
        try {
            return Class.forName("jp.tsunagu.console.view.Ja");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static CompletionStage<Object[]> evaluated(EvalContext ctx) {
        List<CompletableFuture<Object>> values = new ArrayList<>();
        for (Expression p : ctx.getParams()) {
            values.add(ctx.evaluate(p).toCompletableFuture());
        }
        return CompletableFuture.allOf(values.toArray(CompletableFuture[]::new))
                .thenApply(v -> values.stream().map(CompletableFuture::join).toArray());
    }

    private static Object invoke(Method method, Object base, Object[] args) {
        try {
            return method.invoke(base, args);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(method + " failed", e);
        }
    }

    /** {@code errors.member(i, 'age')}: a public method with parameters, as Quarkus' generated resolvers call it. */
    private static final class CallsWithParameters implements ValueResolver {
        @Override
        public boolean appliesTo(EvalContext ctx) {
            return !ctx.getParams().isEmpty() && ctx.getBase() != null && method(ctx).isPresent();
        }

        @Override
        public CompletionStage<Object> resolve(EvalContext ctx) {
            Method method = method(ctx).orElseThrow();
            return evaluated(ctx).thenApply(args -> invoke(method, ctx.getBase(), args));
        }

        private static Optional<Method> method(EvalContext ctx) {
            return Arrays.stream(ctx.getBase().getClass().getMethods())
                    .filter(m -> Modifier.isPublic(m.getDeclaringClass().getModifiers()))
                    .filter(m -> m.getName().equals(ctx.getName()) && m.getParameterCount() == ctx.getParams().size())
                    .findFirst();
        }
    }

    /** quarkus.qute.property-not-found-strategy=noop, as application.properties sets it. */
    private static final class NothingWhenMissing implements ResultMapper {
        @Override
        public boolean appliesTo(io.quarkus.qute.TemplateNode.Origin origin, Object result) {
            return Results.isNotFound(result);
        }

        @Override
        public String map(Object result, Expression expression) {
            return "";
        }
    }

    private static final class Classpath implements TemplateLocator {
        @Override
        public Optional<TemplateLocation> locate(String id) {
            String name = id.endsWith(".html") ? id : id + ".html";
            InputStream in = Pages.class.getClassLoader().getResourceAsStream("templates/" + name);
            if (in == null) {
                return Optional.empty();
            }
            try (in) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return Optional.of(new TemplateLocation() {
                    @Override
                    public Reader read() {
                        return new StringReader(text);
                    }

                    @Override
                    public Optional<Variant> getVariant() {
                        return Optional.of(Variant.forContentType(Variant.TEXT_HTML));
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
