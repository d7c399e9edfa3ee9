package jp.tsunagu.console.signin;

import io.quarkus.oidc.JavaScriptRequestChecker;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The requests a page's script makes (htmx's partial reloads, the live feed) are answered 499 once the session has
 * ended, instead of a redirect to sign-in that the browser would not follow for them; the page then reloads itself
 * (console.js) and the person signs in again.
 */
@ApplicationScoped
public class ScriptRequests implements JavaScriptRequestChecker {

    @Override
    public boolean isJavaScriptRequest(RoutingContext context) {
        String accept = context.request().getHeader("Accept");
        return "true".equals(context.request().getHeader("HX-Request"))
                || (accept != null && accept.contains("text/event-stream"));
    }
}
