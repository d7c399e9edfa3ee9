package jp.tsunagu.planning.participation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.planning.plan.Plan;
import jp.tsunagu.support.db.Database;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** A participation plan's placements and their follow-ups (tables placement and follow_up), written and read back. */
@ApplicationScoped
public class PlacementRecords {

    private final Database database;

    public PlacementRecords(Database database) {
        this.database = database;
    }

    /** A placement with its follow-ups, oldest first. */
    @Schema(name = "Placement")
    public record Placement(String placementId, String resourceId, String resourceName, LocalDate placedOn,
                            List<FollowUp> followUps) {
    }

    /**
     * A follow-up (定着支援).
     *
     * @param side PERSON (with the person) or HOST (with the place that receives them)
     * @param note null when none was written, or after the person's data was erased
     */
    @Schema(name = "FollowUp")
    public record FollowUp(String followUpId, @Schema(enumeration = {"PERSON", "HOST"}) String side, LocalDate on,
                           String note) {
    }

    private record Line(String placementId, String resourceId, LocalDate placedOn, FollowUp followUp) {

        static Line of(Row row) {
            String followUpId = row.getString("follow_up_id");
            return new Line(row.getString("placement_id"), row.getString("resource_id"),
                    row.getLocalDate("placed_on"), followUpId == null ? null : new FollowUp(followUpId,
                    row.getString("side"), row.getLocalDate("on_date"), row.getString("note")));
        }
    }

    /** The plan's placements by date, each named from the catalog (its id when the catalog no longer has it). */
    public Uni<List<Placement>> ofPlan(String planId, ResourceCatalog catalog) {
        return database.list("""
                        select pl.placement_id, pl.resource_id, pl.placed_on, f.follow_up_id, f.side, f.on_date, f.note
                          from placement pl left join follow_up f on f.placement_id = pl.placement_id
                         where pl.plan_id = $1
                         order by pl.placed_on, pl.placement_id, f.on_date, f.follow_up_id""", Line::of, planId)
                .map(lines -> {
                    Map<String, List<Line>> byPlacement = new LinkedHashMap<>();
                    lines.forEach(l -> byPlacement.computeIfAbsent(l.placementId(), k -> new ArrayList<>()).add(l));
                    List<Placement> placements = new ArrayList<>();
                    byPlacement.forEach((id, ls) -> placements.add(new Placement(id, ls.get(0).resourceId(),
                            catalog.resource(ls.get(0).resourceId()).map(CommunityResource::name)
                                    .orElse(ls.get(0).resourceId()), ls.get(0).placedOn(),
                            ls.stream().map(Line::followUp).filter(f -> f != null).toList())));
                    return placements;
                });
    }

    public Uni<Boolean> insertPlacement(String placementId, Plan plan, String resourceId, LocalDate placedOn) {
        return database.update("""
                        insert into placement(placement_id, plan_id, case_id, municipality, resource_id, placed_on)
                        values ($1, $2, $3, $4, $5, $6) on conflict (placement_id) do nothing""",
                        placementId, plan.planId(), plan.caseId(), plan.municipality(), resourceId, placedOn)
                .map(rows -> rows == 1);
    }

    /** A placement: its id, plan id, resource id and date. */
    public record PlacementRow(String placementId, String planId, String caseId, String municipality,
                               String resourceId, LocalDate placedOn) {

        static PlacementRow of(Row row) {
            return new PlacementRow(row.getString("placement_id"), row.getString("plan_id"),
                    row.getString("case_id"), row.getString("municipality").trim(), row.getString("resource_id"),
                    row.getLocalDate("placed_on"));
        }
    }

    public Uni<Optional<PlacementRow>> placement(String placementId) {
        return database.first("""
                        select placement_id, plan_id, case_id, municipality, resource_id, placed_on from placement
                         where placement_id = $1""", PlacementRow::of, placementId);
    }

    /** People placed at each resource of a municipality whose plan is still active. */
    public Uni<Map<String, Long>> placedByResource(String municipality) {
        return database.list("""
                        select pl.resource_id, count(*) from placement pl join plan p on p.plan_id = pl.plan_id
                         where pl.municipality = $1 and p.closed_on is null group by pl.resource_id""",
                        row -> Map.entry(row.getString("resource_id"), row.getLong(1)), municipality)
                .map(rows -> rows.stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    public Uni<Boolean> insertFollowUp(String followUpId, String placementId, String side, LocalDate on, String note) {
        return database.update("""
                        insert into follow_up(follow_up_id, placement_id, side, on_date, note)
                        values ($1, $2, $3, $4, $5) on conflict (follow_up_id) do nothing""",
                followUpId, placementId, side, on, note).map(rows -> rows == 1);
    }
}
