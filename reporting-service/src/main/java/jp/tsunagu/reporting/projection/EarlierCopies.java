package jp.tsunagu.reporting.projection;

/**
 * Which events a batch must look up in {@code case_event} for a copy recorded by an earlier batch (a producer that
 * published the same event again: its time is the first copy's). The live consumer cannot know, so it looks up
 * every event ({@link #ANYWHERE}); a replay's lane wrote every earlier copy of its share of the log itself, into
 * tables it made empty, so it remembers which ids it wrote ({@link SeenIds}) and looks up only those it may have.
 * That holds because a copy is the same record sent again, with the same key, so it lands in the same partition
 * and the same lane: it assumes, as the replay's lanes do, that a stage topic's partition count never changes.
 */
public interface EarlierCopies {

    /** Every event may have a copy recorded before: the live consumer's tables outlive any one batch. */
    EarlierCopies ANYWHERE = new EarlierCopies() {
        @Override
        public boolean mayHave(String eventId) {
            return true;
        }

        @Override
        public void recorded(String eventId) {
        }
    };

    /** False only if no copy of the event can have been recorded by an earlier batch. */
    boolean mayHave(String eventId);

    /** The event is now recorded (called once its batch is written). */
    void recorded(String eventId);
}
