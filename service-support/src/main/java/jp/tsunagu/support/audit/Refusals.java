package jp.tsunagu.support.audit;

import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jp.tsunagu.support.problem.ProblemMappers;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.CallerRefused;
import jp.tsunagu.support.security.CurrentCaller;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Refusals at the door of an {@link Audited} endpoint, recorded as DENIED like those the read itself refuses: a role
 * that may not call it ({@code @RolesAllowed}: an analyst or portal asking for a person, a meeting member for a plan)
 * and a caller {@link CurrentCaller} turns away (an agency no longer in the directory). Who, roles, agency, action
 * and resource come from the token and the endpoint's {@code @Audited}; the answer is the 403 problem document
 * {@link ProblemMappers} writes. Endpoints that are not audited are answered the same, unrecorded.
 */
public class Refusals {

    private static final Logger LOG = Logger.getLogger(Refusals.class);
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");

    private final AuditTrail trail;
    private final JsonWebToken jwt;
    private final ProblemMappers problems;

    public Refusals(AuditTrail trail, JsonWebToken jwt, ProblemMappers problems) {
        this.trail = trail;
        this.jwt = jwt;
        this.problems = problems;
    }

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> role(ForbiddenException e, ResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        return recorded(resource, uri).map(v -> problems.forbidden(e, uri, headers));
    }

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> caller(CallerRefused e, ResourceInfo resource, UriInfo uri, HttpHeaders headers) {
        return recorded(resource, uri).map(v -> problems.apiProblem(e, uri, headers));
    }

    private Uni<Void> recorded(ResourceInfo resource, UriInfo uri) {
        Method method = resource == null ? null : resource.getResourceMethod();
        Audited audited = method == null ? null : method.getAnnotation(Audited.class);
        Optional<Caller> caller = audited == null ? Optional.empty() : CurrentCaller.claimed(jwt);
        if (caller.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return trail.record(caller.get(), audited.value(), resource(audited.resource(), uri, caller.get()),
                        AuditTrail.DENIED)
                // the refusal stands even when it could not be written down; the log says so
                .onFailure().invoke(f -> LOG.errorf("refused %s not recorded: %s", audited.value(),
                        f.getClass().getName()))
                .onFailure().recoverWithNull();
    }

    /** The template with each {name} filled from the path, then the query, {municipality} by the caller's. */
    static String resource(String template, UriInfo uri, Caller caller) {
        Matcher m = PARAMETER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = first(uri.getPathParameters().get(name));
            if (value == null) {
                value = first(uri.getQueryParameters().get(name));
            }
            if (value == null && name.equals("municipality")) {
                value = caller.municipality();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? "" : value));
        }
        return m.appendTail(sb).toString();
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
