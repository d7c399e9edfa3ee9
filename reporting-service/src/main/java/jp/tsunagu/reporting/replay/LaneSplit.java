package jp.tsunagu.reporting.replay;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which records of the stage topics each of a replay's lanes writes, so that the lanes get even shares of the log and
 * every record with the same key (a case's events) goes to the same lane.
 * <p>
 * Partition numbers divide between the lanes whole as far as they go evenly; the numbers left over (3 partitions and 2
 * lanes: number 2) are read by every lane, and each keeps the records whose key falls to it. Splitting only by
 * partition number left one of two lanes two thirds of a 3-partition log and ~20 % of 2 cores idle once the other had
 * finished (measured 2026-12-06). A shared partition costs each lane the fetching of the records it leaves to the
 * others, and the consumer's making of them (key, value and headers), not their decoding as events. Whole partitions or
 * key shares, a key's records all reach one lane: a partition is chosen by the key, and a case's events are keyed by
 * its id on every stage topic (a meeting's by the meeting's id: they name no case).
 */
record LaneSplit(int lanes, int whole) {

    /**
     * The split of partition numbers {@code 0..partitionCount-1} between at most {@code workers} lanes: never more
     * lanes than partition numbers, as a lane sharing every partition would read the whole log to write its share.
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

    /** The partitions lane {@code lane} reads: its whole ones and every shared one. */
    List<TopicPartition> reads(List<TopicPartition> partitions, int lane) {
        List<TopicPartition> own = new ArrayList<>();
        for (TopicPartition tp : partitions) {
            if (shared(tp.partition()) || tp.partition() % lanes == lane) {
                own.add(tp);
            }
        }
        return own;
    }

    /** The partition numbers every lane reads, each keeping only its keys' records. */
    Set<Integer> sharedNumbers(List<TopicPartition> partitions) {
        return partitions.stream().map(TopicPartition::partition).filter(this::shared).collect(Collectors.toSet());
    }

    boolean shared(int partition) {
        return partition >= whole;
    }

    /**
     * Whether lane {@code lane} writes a record of {@code partition} with {@code key}. A key-less record (none is
     * published so) falls to the first lane.
     */
    boolean writes(int lane, int partition, String key) {
        if (!shared(partition)) {
            return partition % lanes == lane;
        }
        return (key == null ? 0 : Math.floorMod(key.hashCode(), lanes)) == lane;
    }

    /** Lane {@code lane}'s share: the partitions it reads, and which of their records it writes. */
    Share share(List<TopicPartition> partitions, int lane) {
        return new Share(this, lane, reads(partitions, lane));
    }

    /** One lane's share of the log. */
    record Share(LaneSplit split, int lane, List<TopicPartition> reads) {

        boolean writes(int partition, String key) {
            return split.writes(lane, partition, key);
        }

        long writtenShare(int partition, long records) {
            return split.writtenShare(partition, records);
        }
    }

    /** Of {@code records} in a partition the lane reads, about how many it writes. */
    long writtenShare(int partition, long records) {
        return shared(partition) ? (records + lanes - 1) / lanes : records;
    }
}
