package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A replay lane's rows of facts of its own cases, held between polls instead of read and written back each poll (a
 * lane writes only the cases of its partitions and key share, so no other writer changes them meanwhile). At most
 * {@code capacity} rows between batches: past it, the least recently folded are written out with the batch that went
 * past, down to three quarters of it, and read back only if an event of theirs comes later; {@link #flush} writes the
 * rest. Used by one thread (the lane's writer).
 */
public final class HeldCaseFacts implements CaseFactRows {

    private final int capacity;
    /** Every row held was folded since it was read or made, so each is written out (unchanged or not). */
    private final LinkedHashMap<String, CaseFactRow> held = new LinkedHashMap<>(16, 0.75f, true);
    /** The cases whose rows were written out: only those may have one in the database. */
    private final SeenIds written;
    /** The cases held whose rows were read back: written out again, they meet their row in the database. */
    private final Set<String> readBack = new HashSet<>();

    /** {@code expectedCases}: an upper bound, for the size of the filter of cases written out. */
    public HeldCaseFacts(int capacity, long expectedCases) {
        this.capacity = Math.max(1, capacity);
        this.written = new SeenIds(expectedCases);
    }

    @Override
    public Uni<Map<String, CaseFactRow>> before(SqlRunner db, Collection<String> caseIds) {
        Map<String, CaseFactRow> rows = new HashMap<>();
        List<String> stored = new ArrayList<>();
        for (String caseId : caseIds) {
            CaseFactRow row = held.get(caseId);
            if (row != null) {
                rows.put(caseId, row);
            } else if (written.mayHave(caseId)) {
                stored.add(caseId);
            }
        }
        if (stored.isEmpty()) {
            return Uni.createFrom().item(rows);
        }
        return CaseFactColumns.rowsOf(db, stored).map(read -> {
            rows.putAll(read);
            readBack.addAll(read.keySet());
            return rows;
        });
    }

    @Override
    public List<Sql> after(Collection<CaseFactRow> changed) {
        changed.forEach(row -> held.put(row.caseId(), row));
        if (held.size() <= capacity) {
            return List.of();
        }
        return writeOut(held.size() - capacity * 3 / 4);
    }

    /** The writes of every row still held, which it then forgets. */
    public List<Sql> flush() {
        return writeOut(held.size());
    }

    /** How many rows it holds. */
    public int size() {
        return held.size();
    }

    private List<Sql> writeOut(int count) {
        List<Sql> writes = new ArrayList<>(count);
        Iterator<CaseFactRow> eldest = held.values().iterator();
        for (int i = 0; i < count && eldest.hasNext(); i++) {
            CaseFactRow row = eldest.next();
            eldest.remove();
            // a row never written goes apart from rows written again: COPY takes the first kind straight in
            writes.add(readBack.remove(row.caseId()) ? CaseFactColumns.write(row) : CaseFactColumns.first(row));
            written.recorded(row.caseId());
        }
        return writes;
    }
}
