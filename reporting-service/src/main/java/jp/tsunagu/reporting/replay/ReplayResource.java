package jp.tsunagu.reporting.replay;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.reporting.figures.FigureDefinitions;
import jp.tsunagu.support.problem.ApiProblem;
import jp.tsunagu.support.security.Caller;
import jp.tsunagu.support.security.CurrentCaller;
import jp.tsunagu.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Instant;
import java.util.List;

@Path("/replays")
@Tag(name = "Replay", description = "Rebuild the municipality's reporting projections from offset 0 and check them "
        + "against the live ones")
@RolesAllowed({Roles.COORDINATOR, Roles.ANALYST})
public class ReplayResource {

    private final ReplayService replays;
    private final CurrentCaller caller;

    public ReplayResource(ReplayService replays, CurrentCaller caller) {
        this.replays = replays;
        this.caller = caller;
    }

    /** What a replay is asked to do: the definitions to report besides the contract's (both optional). */
    public record ReplayRequest(FigureDefinitions.CasesHandled casesHandled, FigureDefinitions.Made made) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"replayId", "status", "definitions", "eventsDone", "eventsTotal", "logReadPercent",
            "eventsSkipped", "eventsPerSecond", "secondsLeft", "startedAt", "finishedAt", "migrationSeconds",
            "loadSeconds", "indexSeconds", "comparisonSeconds", "schema", "figuresEqual", "logSettled", "differences",
            "figuresUnderDefinitions", "failure"})
    public record ReplayView(String replayId, String status, FigureDefinitions definitions,
                             @Schema(description = "the municipality's events replayed so far") long eventsDone,
                             @Schema(description = "the municipality's events in the log: known, and shown, once "
                                     + "the whole log has been read (the topics are shared by every municipality "
                                     + "and keyed by case, so a replay reads them all and keeps its own)")
                             Long eventsTotal,
                             @Schema(description = "how much of the shared log has been read, 0 to 100: its size, "
                                     + "and other municipalities' share of it, are not shown")
                             Integer logReadPercent,
                             @Schema(description = "records of the shared log that could not be read (and so could "
                                     + "not be told to be of any municipality); the live consumer dead-letters them")
                             long eventsSkipped,
                             @Schema(description = "the municipality's events per second over the load")
                             long eventsPerSecond, Long secondsLeft,
                             Instant startedAt, Instant finishedAt,
                             @Schema(description = "creating the replay's schema") Double migrationSeconds,
                             @Schema(description = "first event read to last write; eventsPerSecond is over this")
                             Double loadSeconds,
                             @Schema(description = "building the indexes the load went without, over the loaded "
                                     + "tables, and gathering their statistics")
                             Double indexSeconds,
                             @Schema(description = "comparing every figure with the live one (comparisons take turns: "
                                     + "not counting a wait for another)") Double comparisonSeconds,
                             String schema, Boolean figuresEqual,
                             @Schema(description = "whether the live figures stood where the replay's did when "
                                     + "compared: the live consumer had read as far as the replay, and no stage topic "
                                     + "grew until the comparison's end. false: the live consumer lagged, or the "
                                     + "system was still working (a difference may be events in flight, not a "
                                     + "fault); a replay run when it is quiet settles it")
                             Boolean logSettled,
                             List<FigureComparison.Difference> differences, JsonNode figuresUnderDefinitions,
                             String failure) {

        /** The caller's municipality's run (a replay rebuilds and compares that municipality's tables only). */
        static ReplayView of(ReplayRun run, String municipality) {
            ReplayRun.Outcome outcome = run.outcome;
            return new ReplayView(run.id, run.status.name(), run.definitions, run.done.get(),
                    run.loadedAt == null ? null : run.total, run.logReadPercent(), run.skipped.get(),
                    Math.round(run.eventsPerSecond()), run.secondsLeft(), run.startedAt, run.finishedAt,
                    ReplayRun.seconds(run.startedAt, run.migratedAt),
                    ReplayRun.seconds(run.firstReadAt, run.lastWriteAt),
                    ReplayRun.seconds(run.loadedAt, run.indexedAt),
                    ReplayRun.seconds(run.comparisonStartedAt, run.comparedAt), run.schema,
                    outcome == null ? null : outcome.differences().getOrDefault(municipality, List.of()).isEmpty(),
                    run.logSettled,
                    outcome == null ? null : outcome.differences().getOrDefault(municipality, List.of()),
                    outcome == null ? null : outcome.underDefinitions().get(municipality), run.failure);
        }
    }

    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a replay of the caller's municipality (202); one per municipality at a time",
            description = "Rebuilds the municipality's reporting tables from offset 0 of every stage topic into "
                    + "schema <schema>_replay_<municipality>, then compares every figure with the live one. With "
                    + "casesHandled (REVIEWS|DISTINCT_CASES) or made (CREATED_AND_REVISED|CREATED_ONLY) it also "
                    + "reports the year table under those definitions. The live tables are never written. Another "
                    + "municipality's replay neither blocks it nor is shown to it, unless the service already runs "
                    + "as many replays as it may at once (tsunagu.replay.at-once): then 409, another replay is "
                    + "running, without whose or how large.")
    @APIResponse(responseCode = "202", description = "Started; Location names it, GET it for its progress",
            content = @Content(schema = @Schema(implementation = ReplayView.class)))
    @APIResponse(responseCode = "409", description = "A replay of the municipality is running, or as many replays as "
            + "the service runs at once")
    public Response start(@RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = {
            @ExampleObject(name = "check", summary = "Rebuild every figure from the log and compare it with the live "
                    + "one", value = "{}"),
            @ExampleObject(name = "otherDefinitions", summary = "Also: the year table if a case discussed at several "
                    + "meetings counted once, and only new plans counted as made", value = """
                    {"casesHandled":"DISTINCT_CASES","made":"CREATED_ONLY"}""")}))
            ReplayRequest request) {
        FigureDefinitions definitions = request == null ? FigureDefinitions.CONTRACT
                : new FigureDefinitions(request.casesHandled(), request.made());
        Caller c = caller.get();
        ReplayRun run = replays.start(definitions, c.subject(), c.municipality());
        return Response.accepted(ReplayView.of(run, c.municipality()))
                .location(URI.create("/replays/" + run.id)).build();
    }

    @GET
    @Path("/{replayId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A replay's progress (events done / total, rate, seconds left) and, when done, the check")
    public ReplayView get(@PathParam("replayId") String replayId) {
        String municipality = caller.get().municipality();
        return replays.run(replayId, municipality).map(r -> ReplayView.of(r, municipality))
                .orElseThrow(() -> ApiProblem.notFound("replay " + replayId));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The caller's municipality's replays since the service started, newest first",
            description = "A replay started by another municipality's staff is neither listed nor found (404).")
    public List<ReplayView> list() {
        String municipality = caller.get().municipality();
        return replays.runs(municipality).stream().map(r -> ReplayView.of(r, municipality)).toList();
    }
}
