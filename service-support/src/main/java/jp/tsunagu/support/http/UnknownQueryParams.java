package jp.tsunagu.support.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.problem.FieldError;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A query parameter the operation does not take is a 400 naming it, in every service, as an unknown body field is
 * ({@code StrictJson}): {@code GET /referrals?changedSince=…} sent to a service that has no such filter would
 * otherwise answer the whole list as if it had been applied. The parameters an operation takes are the
 * {@code @QueryParam}s of its resource method, of its class's fields and of the fields of a {@code @BeanParam} it takes
 * (a query record: {@code GET /cases}), read once per method. Only the name is
 * named, never the value. Routes outside JAX-RS ({@code /q/health}, {@code /q/openapi?format=json},
 * {@code /q/metrics}) do not pass here and keep their own parameters.
 */
@ApplicationScoped
public class UnknownQueryParams {

    /** A name longer than this is cut in the answer: an answer never grows with the request. */
    static final int NAME_SHOWN = 64;

    private final Map<Method, Set<String>> known = new ConcurrentHashMap<>();

    @ServerRequestFilter
    public void refuseUnknown(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        Set<String> names = request.getUriInfo().getQueryParameters().keySet();
        if (method == null || names.isEmpty()) {
            return;
        }
        Set<String> takes = known.computeIfAbsent(method, m -> taken(m, resource.getResourceClass()));
        Set<String> unknown = new TreeSet<>();
        for (String name : names) {
            if (!takes.contains(name)) {
                unknown.add(name.length() > NAME_SHOWN ? name.substring(0, NAME_SHOWN) + "…" : name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiProblem.validation(unknown.stream().map(n -> new FieldError(n, "unknown query parameter")).toList());
        }
    }

    /** The query parameters the method takes. */
    static Set<String> taken(Method method, Class<?> resourceClass) {
        Set<String> names = new TreeSet<>();
        Annotation[][] parameters = method.getParameterAnnotations();
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            add(parameters[i], names);
            if (Arrays.stream(parameters[i]).anyMatch(a -> a instanceof BeanParam)) {
                for (Field f : types[i].getDeclaredFields()) {
                    add(f.getAnnotations(), names);
                }
            }
        }
        for (Class<?> c = resourceClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                add(f.getAnnotations(), names);
            }
        }
        return Set.copyOf(names);
    }

    private static void add(Annotation[] annotations, Set<String> names) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                names.add(q.value());
            }
        }
    }
}
