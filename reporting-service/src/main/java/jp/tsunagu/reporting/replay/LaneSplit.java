package jp.tsunagu.reporting.replay;

import org.apache.kafka.common.TopicPartition;

import java.util.List;

/**
 * Which of a replay's lanes writes each record of the stage topics, so that the lanes get even shares of the log and
 * every record with the same key (a case's events) goes to the same lane. One reader reads the whole log once and
 * hands each lane its records ({@link ReplayLoad}).
 * <p>
 * Partition numbers divide between the lanes whole as far as they go evenly; the records of the numbers left over (3
 * partitions and 2 lanes: number 2) divide by key. Splitting only by partition number left one of two lanes two
 * thirds of a 3-partition log and ~20 % of 2 cores idle once the other had finished (measured 2026-12-06). Whole
 * partitions or key shares, a key's records all reach one lane: a partition is chosen by the key, and a case's events
 * are keyed by its id on every stage topic (a meeting's by the meeting's id: they name no case).
 */
record LaneSplit(int lanes, int whole) {

    /**
     * The split of partition numbers {@code 0..partitionCount-1} between at most {@code workers} lanes, never more
     * lanes than partition numbers (one lane even with no topics yet).
     */
    static LaneSplit of(int partitionCount, int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException("a replay needs at least one lane: " + workers);
        }
        int count = Math.max(0, partitionCount);
        int lanes = Math.max(1, Math.min(workers, count));
        return new LaneSplit(lanes, count - count % lanes);
    }

    /** The split of the given partitions (their highest number counts; numbers repeat across topics). */
    static LaneSplit of(List<TopicPartition> partitions, int workers) {
        return of(partitions.stream().mapToInt(TopicPartition::partition).max().orElse(-1) + 1, workers);
    }

    /** Whether the records of {@code partition} divide between the lanes by key rather than go whole to one. */
    boolean shared(int partition) {
        return partition >= whole;
    }

    /**
     * The lane that writes a record of {@code partition} with {@code key}. A key-less record (none is published so)
     * of a shared partition falls to the first lane.
     */
    int laneOf(int partition, String key) {
        if (!shared(partition)) {
            return partition % lanes;
        }
        return key == null ? 0 : Math.floorMod(key.hashCode(), lanes);
    }

    /** Of {@code records} in the log, about how many one lane writes. */
    long laneShare(long records) {
        return (records + lanes - 1) / lanes;
    }
}
