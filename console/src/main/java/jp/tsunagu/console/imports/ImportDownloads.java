package jp.tsunagu.console.imports;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.IntakeApi;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.SignedIn;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The files of 台帳取込, fetched from intake with her token and passed on as intake wrote them (bytes, BOM and content
 * type kept), saved under a Japanese name: the sheet to fill in (xlsx or CSV) here, an import's problem report from
 * {@link ImportPage} through {@link #passOn}.
 */
@Path("/{municipality}/imports/templates")
@Authenticated
public class ImportDownloads {

    /** The templates intake offers, with the name the coordinator saves each under. */
    static final Map<String, String> TEMPLATES = Map.of(
            "referrals.xlsx", "台帳取込テンプレート.xlsx",
            "referrals.csv", "台帳取込テンプレート.csv");

    private final IntakeApi intake;
    private final SignedIn staff;

    public ImportDownloads(@RestClient IntakeApi intake, SignedIn staff) {
        this.intake = intake;
        this.staff = staff;
    }

    @GET
    @Path("/{file}")
    @Produces(MediaType.WILDCARD)
    public Response template(@PathParam("file") String file) {
        ImportPage.requireCoordinator(staff);
        String japanese = TEMPLATES.get(file);
        if (japanese == null) {
            throw new NotVisible();
        }
        return passOn(() -> intake.importTemplate(file), "tsunagu-import-" + file, japanese);
    }

    static Response passOn(Supplier<Response> call, String ascii, String japanese) {
        byte[] bytes;
        String type;
        try (Response answer = send(call)) {
            int status = answer.getStatus();
            if (status >= 500) {
                throw new ServiceUnavailable(Service.INTAKE, null);
            }
            if (status == 404 || status == 410) {
                throw new NotVisible();
            }
            if (status >= 300) {
                throw new Refused(status);
            }
            bytes = answer.readEntity(byte[].class);
            type = answer.getHeaderString("Content-Type");
        }
        return Response.ok(bytes, type == null ? MediaType.APPLICATION_OCTET_STREAM : type)
                .header("Content-Disposition", ImportUpload.contentDisposition(ascii, japanese))
                .build();
    }

    private static Response send(Supplier<Response> call) {
        try {
            return call.get();
        } catch (WebApplicationException e) {
            return e.getResponse();
        } catch (ProcessingException e) {
            throw new ServiceUnavailable(Service.INTAKE, e);
        }
    }
}
