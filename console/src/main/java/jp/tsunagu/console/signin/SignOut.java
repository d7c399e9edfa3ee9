package jp.tsunagu.console.signin;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * サインアウト. The sign-in mechanism ends the session (the cookie, and at the identity provider) when an authenticated
 * request reaches the tenant's logout path; pages authenticate only when they need to, so this resource is what makes
 * that path authenticated. Its own answer is reached only if the mechanism did not take over.
 */
@Path("/{municipality}/signout")
public class SignOut {

    @GET
    @Authenticated
    public Response signOut() {
        return Response.seeOther(URI.create("signed-out")).build();
    }
}
