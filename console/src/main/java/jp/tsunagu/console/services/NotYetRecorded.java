package jp.tsunagu.console.services;

/**
 * Routing shows her the case but intake has not recorded it yet, after {@link CatchUp}'s wait: a moment's delay in
 * the event log, not a refusal.
 */
public class NotYetRecorded extends RuntimeException {

    public NotYetRecorded() {
        super("not yet recorded by intake", null, false, false);
    }
}
