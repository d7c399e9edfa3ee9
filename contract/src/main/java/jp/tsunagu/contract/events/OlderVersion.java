package jp.tsunagu.contract.events;

/**
 * The data of an event type that is no longer written but stays on the permanent topics (a {@code .v1} after its
 * {@code .v2}): the codec reads it and hands consumers {@link #current()}, the current version's shape, so a consumer
 * handles one record per event and the mapping from the old shape lives here, once. A record of this kind is nested in
 * its stage's sealed interface, carries its own {@link EventType} and is found by {@link EventCatalog}.
 */
public interface OlderVersion<E extends TsunaguEvent> {

    /** The same fact in the current version's shape (what the old record did not say is stated in its javadoc). */
    E current();
}
