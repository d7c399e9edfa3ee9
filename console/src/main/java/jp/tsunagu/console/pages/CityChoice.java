package jp.tsunagu.console.pages;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.tsunagu.console.signin.Municipalities;

/** The console's front door: choose your city, then sign in at its realm. And where signing out ends. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class CityChoice {

    private final Template cities;
    private final Template signedOut;
    private final Municipalities municipalities;

    public CityChoice(@Location("cities.html") Template cities, @Location("signed-out.html") Template signedOut,
                      Municipalities municipalities) {
        this.cities = cities;
        this.signedOut = signedOut;
        this.municipalities = municipalities;
    }

    @GET
    public TemplateInstance choose() {
        return cities.data("cities", municipalities.all());
    }

    /** Where the identity provider sends her back after signing out (the path is her city's, as the session was). */
    @GET
    @Path("{municipality}/signed-out")
    public TemplateInstance signedOut() {
        return signedOut.data("cities", municipalities.all());
    }
}
