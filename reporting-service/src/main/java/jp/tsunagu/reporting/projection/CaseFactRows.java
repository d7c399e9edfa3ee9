package jp.tsunagu.reporting.projection;

import io.smallrye.mutiny.Uni;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where a batch finds its cases' rows of facts before it folds its events in ({@link ProjectionBatch}), and what it
 * writes of them after: the live consumer reads and writes {@code case_fact} each batch ({@link #STORED}); a replay's
 * lane holds its own cases' rows between polls ({@link HeldCaseFacts}).
 */
public interface CaseFactRows {

    /** Every batch reads its cases' rows from {@code case_fact} and writes back the rows it changed. */
    CaseFactRows STORED = new CaseFactRows() {
        @Override
        public Uni<Map<String, CaseFactRow>> before(SqlRunner db, Collection<String> caseIds) {
            return CaseFactColumns.rowsOf(db, caseIds);
        }

        @Override
        public List<Sql> after(Collection<CaseFactRow> changed) {
            return changed.stream().map(CaseFactColumns::write).toList();
        }
    };

    /** The rows of these cases as they stand, by case id; a case with none yet is left out. */
    Uni<Map<String, CaseFactRow>> before(SqlRunner db, Collection<String> caseIds);

    /** What to write now of the rows a batch changed (each case once). */
    List<Sql> after(Collection<CaseFactRow> changed);
}
