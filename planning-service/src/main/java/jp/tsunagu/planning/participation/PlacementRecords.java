package jp.tsunagu.planning.participation;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.support.db.Database;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A participation plan's placements and their follow-ups as read back (tables placement and follow_up). */
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
}
