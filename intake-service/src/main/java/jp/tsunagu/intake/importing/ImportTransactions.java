package jp.tsunagu.intake.importing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.CaseNumber;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.intake.importing.check.ImportRow;
import jp.tsunagu.intake.referral.CaseNumbers;
import jp.tsunagu.intake.referral.IntakeEvents;
import jp.tsunagu.intake.referral.ReceivedReferrals;
import jp.tsunagu.intake.status.CaseStatusProjection;
import jp.tsunagu.intake.vault.PersonalDataVault;
import jp.tsunagu.support.db.Database;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Writes a group of a sheet's rows as cases, in one transaction: for each row not in yet, what a live referral goes
 * through ({@link ReceivedReferrals}, with the import marker), then {@code CaseImported} (the stages the city's list
 * says the case went through, for routing and planning to write), then its {@code imported_row}; the transaction
 * commits only after Kafka acknowledged every event of the group. A row is in {@code imported_row} exactly when its
 * case was committed, so a killed import leaves no row half-written and the same file again continues it. The
 * group's event ids are claimed for the status view before any is sent ({@link CaseStatusProjection#claimAhead}):
 * the consumer reading them back waits for this transaction instead of deadlocking with it, and the group is applied
 * to the view with one read and one write.
 */
@ApplicationScoped
public class ImportTransactions {

    private final ReceivedReferrals received;
    private final IntakeEvents events;
    private final CaseStatusProjection projection;
    private final PersonalDataVault vault;
    private final Database database;
    private final CaseNumbers numbers;

    public ImportTransactions(ReceivedReferrals received, IntakeEvents events, CaseStatusProjection projection,
                              PersonalDataVault vault, Database database, CaseNumbers numbers) {
        this.numbers = numbers;
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
     * The group's rows that are new, with the 受付番号 {@link #numbers} gave them: each case's data key first
     * (committed on its own, so a retried group reuses it), then the transaction. The rows of a group run side by
     * side on the transaction's connection (its statements are pipelined and their events acknowledged together);
     * each row's own steps run in order. Answers how many cases it created.
     */
    public Uni<Integer> importGroup(String importId, String municipality, List<ImportRow> rows,
                                    Map<String, CaseNumber> numbers) {
        List<Uni<Void>> keys = rows.stream().map(r -> vault.ensureKey(caseId(municipality, r.rowKey()))).toList();
        return (keys.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(keys).andFailFast().replaceWithVoid())
                .chain(() -> database.inTransaction(() -> write(importId, municipality, rows, numbers)));
    }

    /**
     * The rows' 受付番号 ({@link CaseNumbers#forImportedRows}), one fiscal year of 受付日 after another, in the rows'
     * order: a row numbered by an earlier run keeps its number. Committed at once, before the group's transaction,
     * so groups do not wait for each other's counter lock; the import asks for one group after another, so the
     * numbers follow the sheet.
     */
    public Uni<Map<String, CaseNumber>> numbers(String municipality, List<ImportRow> rows) {
        Map<FiscalYear, List<String>> byYear = new TreeMap<>(Comparator.comparingInt(FiscalYear::year));
        rows.forEach(r -> byYear.computeIfAbsent(FiscalYear.of(r.referral().receivedOn()), y -> new ArrayList<>())
                .add(r.rowKey()));
        Map<String, CaseNumber> numbers = new HashMap<>();
        Uni<Void> all = Uni.createFrom().voidItem();
        for (var year : byYear.entrySet()) {
            all = all.chain(() -> this.numbers.forImportedRows(municipality, year.getKey(), year.getValue())
                    .invoke(numbers::putAll).replaceWithVoid());
        }
        return all.replaceWith(numbers);
    }

    /** The row keys of the city already in (from any file or earlier run). */
    public Uni<Set<String>> alreadyImported(String municipality, List<String> rowKeys) {
        if (rowKeys.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return database.list("select row_key from imported_row where municipality = $1 and row_key = any($2)",
                row -> row.getString(0), municipality, rowKeys.toArray(String[]::new)).map(HashSet::new);
    }

    private Uni<Integer> write(String importId, String municipality, List<ImportRow> group,
                               Map<String, CaseNumber> numbers) {
        // a row another run committed meanwhile is left as it is
        return alreadyImported(municipality, group.stream().map(ImportRow::rowKey).toList()).chain(in -> {
            List<ImportRow> rows = group.stream().filter(r -> !in.contains(r.rowKey())).toList();
            if (rows.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<String> caseIds = rows.stream().map(r -> caseId(municipality, r.rowKey())).toList();
            List<String> eventIds = new ArrayList<>();
            caseIds.forEach(id -> eventIds.addAll(List.of(EventIds.referralReceived(id), EventIds.caseImported(id))));
            String causation = "import/" + importId;
            return projection.claimAhead(eventIds).chain(claimed -> all(rows.size(),
                            i -> received.write(new ReceivedReferrals.Received(caseIds.get(i),
                                    numbers.get(rows.get(i).rowKey()), rows.get(i).referral(), true, causation)))
                    .call(receivedEvents -> projection.apply(ours(receivedEvents, claimed)))
                    .call(() -> all(rows.size(), i -> received.index(caseIds.get(i), rows.get(i).referral())))
                    .chain(receivedEvents -> all(rows.size(), i -> events.publishImported(
                            EventIds.caseImported(caseIds.get(i)), imported(importId, municipality, rows.get(i),
                                    receivedEvents.get(i).data()), rows.get(i).referral().receivedOn(), causation)))
                    .call(importedEvents -> projection.apply(ours(importedEvents, claimed))))
                    .call(() -> database.updateEach("""
                                    insert into imported_row(municipality, row_key, case_id, import_id)
                                    values ($1, $2, $3, $4)""", rows.stream().map(r -> Tuple.of(municipality,
                            r.rowKey(), caseId(municipality, r.rowKey()), importId)).toList()))
                    .replaceWith(rows.size());
        });
    }

    private static IntakeEvent.CaseImported imported(String importId, String municipality, ImportRow row,
                                                    IntakeEvent.ReferralReceived received) {
        return new IntakeEvent.CaseImported(received.caseId(), received.caseNumber(), municipality, importId,
                row.status(), row.agencyId(), row.routedOn(), row.acceptedOn(), row.planType(), row.planMadeOn(),
                row.closedOn());
    }

    /**
     * The group's rows side by side: their statements are pipelined on the transaction's connection in row order, and their events sent together and acknowledged together.
     */
    private static <T> Uni<List<T>> all(int n, IntFunction<Uni<T>> each) {
        List<Uni<T>> unis = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            unis.add(each.apply(i));
        }
        return Uni.join().all(unis).andFailFast();
    }

    /** The events this transaction claimed for the status view (the rest were applied from the log already). */
    @SuppressWarnings("unchecked")
    private static List<EventEnvelope<TsunaguEvent>> ours(List<? extends EventEnvelope<?>> written,
                                                          Set<String> claimed) {
        return written.stream().filter(e -> claimed.contains(e.id()))
                .map(e -> (EventEnvelope<TsunaguEvent>) e).toList();
    }
}
