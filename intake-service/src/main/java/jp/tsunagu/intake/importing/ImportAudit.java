package jp.tsunagu.intake.importing;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.support.db.Database;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The audit of imports ({@code import_job}): who sent which file (its name and sha256) when, in which mode, how far
 * it went and the counts; never a cell's value. Each write is a statement of its own, committed at once, so the audit
 * says what happened even when the import's own transactions roll back.
 */
@ApplicationScoped
public class ImportAudit {

    private static final Logger LOG = Logger.getLogger(ImportAudit.class);

    private final Database database;

    public ImportAudit(Database database) {
        this.database = database;
    }

    /** An import left running by a stopped service is not running any more: the same file again continues it. */
    void atStartup(@Observes StartupEvent start) {
        database.updateAlone("update import_job set state = 'INTERRUPTED', finished_at = now() "
                        + "where state in ('CHECKING', 'IMPORTING')")
                .subscribe().with(n -> {
                    if (n > 0) {
                        LOG.infof("import: %d import(s) interrupted by the last stop marked INTERRUPTED", n);
                    }
                }, e -> LOG.warnf("import: interrupted imports not marked (%s)", e.getClass().getName()));
    }

    Uni<Void> started(RunningImport job) {
        return database.updateAlone("""
                        insert into import_job(id, municipality, file_name, file_sha256, mode, skip_bad_rows, state,
                                               started_by, started_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9)""",
                job.importId, job.municipality, job.fileName, job.fileSha256, job.mode.name(), job.skipBadRows,
                job.state.name(), job.startedBy, job.startedAt.atOffset(java.time.ZoneOffset.UTC)).replaceWithVoid();
    }

    /** The job's state and counts as they are now (and its end, once it ended). */
    Uni<Void> progress(RunningImport job) {
        return database.updateAlone("""
                        update import_job set format = $2, charset = $3, state = $4, finished_at = $5, rows = $6,
                               rows_checked = $7, rows_with_problems = $8, problem_count = $9, rows_done = $10,
                               created = $11, already_imported = $12, skipped = $13, refusal = $14
                         where id = $1""",
                job.importId, job.format, job.charset, job.state.name(),
                job.finishedAt == null ? null : job.finishedAt.atOffset(java.time.ZoneOffset.UTC), job.rows,
                job.rowsChecked, job.rowsWithProblems, job.problemCount, job.rowsDone, job.created,
                job.alreadyImported, job.skipped, job.refusal).replaceWithVoid();
    }

    Uni<Optional<ImportJob>> find(String municipality, String importId) {
        return database.first("select * from import_job where id = $1 and municipality = $2", ImportAudit::job,
                importId, municipality);
    }

    /** The city's imports, newest first. */
    Uni<List<ImportJob>> list(String municipality, int limit) {
        return database.list("select * from import_job where municipality = $1 order by started_at desc, id limit $2",
                ImportAudit::job, municipality, limit);
    }

    private static ImportJob job(Row row) {
        ImportState state = ImportState.valueOf(row.getString("state"));
        String id = row.getString("id");
        return new ImportJob(id, row.getString("municipality").trim(), row.getString("file_name"),
                row.getString("format"), row.getString("charset"), ImportMode.valueOf(row.getString("mode")),
                row.getBoolean("skip_bad_rows"), state,
                row.getInteger("problem_count") > 0 ? state.labelWithoutReport() : state.label(),
                row.getString("started_by"), instant(row, "started_at"), instant(row, "finished_at"),
                row.getInteger("rows"), row.getInteger("rows_checked"), row.getInteger("rows_with_problems"),
                row.getInteger("rows_done"), row.getInteger("created"), row.getInteger("already_imported"),
                row.getInteger("skipped"), row.getString("refusal"), null, List.of(), List.of(),
                row.getInteger("problem_count"), List.of(), null);
    }

    private static Instant instant(Row row, String column) {
        var at = row.getOffsetDateTime(column);
        return at == null ? null : at.toInstant();
    }
}
