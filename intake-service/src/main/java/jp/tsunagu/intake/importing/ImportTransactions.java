package jp.tsunagu.intake.importing;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.intake.importing.check.ImportRow;
import jp.tsunagu.intake.referral.IntakeEvents;
import jp.tsunagu.intake.referral.ReceivedReferrals;
import jp.tsunagu.intake.status.CaseStatusProjection;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.db.Database;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Writes a group of a sheet's rows as cases, in one transaction: for each row not in yet, what a live referral goes
 * through ({@link ReceivedReferrals}, with the import marker), then {@code CaseImported} (the stages the city's list
 * says the case went through, for routing and planning to write), then its {@code imported_row}; the transaction
 * commits only after Kafka acknowledged every event of the group. A row is in {@code imported_row} exactly when its
 * case was committed, so a killed import leaves no row half-written and the same file again continues it.
 */
@ApplicationScoped
public class ImportTransactions {

    private final ReceivedReferrals received;
    private final IntakeEvents events;
    private final CaseStatusProjection projection;
    private final PersonalDataVault vault;
    private final Database database;

    public ImportTransactions(ReceivedReferrals received, IntakeEvents events, CaseStatusProjection projection,
                              PersonalDataVault vault, Database database) {
        this.received = received;
        this.events = events;
        this.projection = projection;
        this.vault = vault;
        this.database = database;
    }

    /** The case a row of a city's list becomes: the same row key, the same case, however often it is imported. */
    public static String caseId(String municipality, String rowKey) {
        return UUID.nameUUIDFromBytes(("import|" + municipality + "|" + rowKey).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /**
     * The group's rows that are new: each case's data key first (committed on its own, so a retried group reuses
     * it), then the transaction. The rows of a group run side by side on the transaction's connection (its
     * statements are pipelined and their events acknowledged together); each row's own steps run in order.
     * Answers how many cases it created.
     */
    public Uni<Integer> importGroup(String importId, String municipality, List<ImportRow> rows) {
        List<Uni<Void>> keys = rows.stream().map(r -> vault.ensureKey(caseId(municipality, r.rowKey()))).toList();
        return (keys.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(keys).andFailFast().replaceWithVoid())
                .chain(() -> database.inTransaction(() -> write(importId, municipality, rows)));
    }

    /** The row keys of the city already in (from any file or earlier run). */
    public Uni<Set<String>> alreadyImported(String municipality, List<String> rowKeys) {
        if (rowKeys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return database.list("select row_key from imported_row where municipality = $1 and row_key = any($2)",
                row -> row.getString(0), municipality, rowKeys.toArray(String[]::new)).map(HashSet::new);
    }

    private Uni<Integer> write(String importId, String municipality, List<ImportRow> rows) {
        // a row another run committed meanwhile is left as it is
        return alreadyImported(municipality, rows.stream().map(ImportRow::rowKey).toList()).chain(in -> {
            List<Uni<Void>> cases = new ArrayList<>();
            for (ImportRow row : rows) {
                if (!in.contains(row.rowKey())) {
                    cases.add(importRow(importId, municipality, row));
                }
            }
            return cases.isEmpty() ? Uni.createFrom().item(0)
                    : Uni.join().all(cases).andFailFast().replaceWith(cases.size());
        });
    }

    private Uni<Void> importRow(String importId, String municipality, ImportRow row) {
        String caseId = caseId(municipality, row.rowKey());
        String causation = "import/" + importId;
        return received.receive(caseId, row.referral(), true, causation)
                .chain(envelope -> events.publishImported(EventIds.caseImported(caseId),
                        new IntakeEvent.CaseImported(caseId, envelope.data().caseNumber(), municipality, importId,
                                row.status(), row.agencyId(), row.routedOn(), row.acceptedOn(), row.planType(),
                                row.planMadeOn(), row.closedOn()),
                        row.referral().receivedOn(), causation))
                .call(projection::apply)
                .chain(() -> database.update("""
                                insert into imported_row(municipality, row_key, case_id, import_id)
                                values ($1, $2, $3, $4)""", municipality, row.rowKey(), caseId, importId))
                .replaceWithVoid();
    }
}
