package jp.tsunagu.reporting.replay;

import jp.tsunagu.contract.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a replay's lanes divide the stage topics: whole partitions where they divide evenly, the rest by key. */
class LaneSplitTest {

    static List<TopicPartition> stageTopics(int partitionCount) {
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : Topics.STAGES) {
            IntStream.range(0, partitionCount).forEach(p -> all.add(new TopicPartition(topic, p)));
        }
        return all;
    }

    @Test
    void threePartitionsAndTwoLanesShareTheThirdByKey() {
        // given the local default: 3 partitions per stage topic, 2 lanes
        List<TopicPartition> partitions = stageTopics(3);
        LaneSplit split = LaneSplit.of(partitions, 2);

        // then each lane reads its whole partition and the shared one, on every stage topic
        assertEquals(Set.of(2), split.sharedNumbers(partitions));
        assertEquals(Set.of(0, 2), numbers(split.reads(partitions, 0)));
        assertEquals(Set.of(1, 2), numbers(split.reads(partitions, 1)));
        assertEquals(8, split.reads(partitions, 0).size());
        // and a whole partition's records are its lane's only, whatever their key
        assertTrue(split.writes(0, 0, "any"));
        assertFalse(split.writes(1, 0, "any"));
        assertTrue(split.writes(1, 1, "any"));
    }

    @Test
    void aSharedPartitionsRecordIsWrittenByExactlyOneLaneAndTheLanesGetAboutHalfEach() {
        LaneSplit split = LaneSplit.of(3, 2);
        int[] perLane = new int[2];
        for (int i = 0; i < 10_000; i++) {
            String caseId = UUID.nameUUIDFromBytes(("case-" + i).getBytes()).toString();
            int lanes = 0;
            for (int lane = 0; lane < 2; lane++) {
                if (split.writes(lane, 2, caseId)) {
                    lanes++;
                    perLane[lane]++;
                }
            }
            assertEquals(1, lanes, caseId);
        }
        assertTrue(perLane[0] > 4_500 && perLane[1] > 4_500, perLane[0] + " / " + perLane[1]);
    }

    @Test
    void everyRecordIsWrittenByExactlyOneLaneThatReadsItsPartitionForAnyCountsOfPartitionsAndLanes() {
        List<String> keys = IntStream.range(0, 500)
                .mapToObj(i -> UUID.nameUUIDFromBytes(("case-" + i).getBytes()).toString()).toList();
        for (int count = 1; count <= 13; count++) {
            for (int workers = 1; workers <= 6; workers++) {
                List<TopicPartition> partitions = stageTopics(count);
                LaneSplit split = LaneSplit.of(partitions, workers);
                assertEquals(Math.min(workers, count), split.lanes(), count + " partitions, " + workers + " workers");
                List<Set<TopicPartition>> reads = IntStream.range(0, split.lanes())
                        .mapToObj(lane -> Set.copyOf(split.reads(partitions, lane))).toList();
                for (TopicPartition tp : partitions) {
                    for (String key : keys) {
                        int writers = 0;
                        for (int lane = 0; lane < split.lanes(); lane++) {
                            if (split.writes(lane, tp.partition(), key)) {
                                writers++;
                                assertTrue(reads.get(lane).contains(tp), tp + " lane " + lane);
                            }
                        }
                        assertEquals(1, writers, tp + " " + key + ", " + count + "/" + workers);
                    }
                }
            }
        }
    }

    @Test
    void partitionCountsThatDifferPerTopicStillGiveEachRecordOneLane() {
        // a topic with 2 partitions beside topics with 3: the split goes by partition number over the highest
        List<TopicPartition> partitions = new ArrayList<>(stageTopics(3));
        partitions.removeIf(tp -> tp.topic().equals(Topics.PLANS) && tp.partition() == 2);
        LaneSplit split = LaneSplit.of(partitions, 2);
        for (TopicPartition tp : partitions) {
            String key = "case-" + tp;
            long writers = IntStream.range(0, split.lanes()).filter(lane -> split.writes(lane, tp.partition(), key))
                    .count();
            assertEquals(1, writers, tp.toString());
        }
        assertEquals(Set.of(0, 2), numbers(split.reads(partitions, 0)));
    }

    @Test
    void partitionsThatDivideEvenlyAreNotShared() {
        // production's 12 partitions over 2 lanes: 6 whole partitions each, nothing read twice
        List<TopicPartition> partitions = stageTopics(12);
        LaneSplit split = LaneSplit.of(partitions, 2);
        assertEquals(Set.of(), split.sharedNumbers(partitions));
        assertEquals(Set.of(0, 2, 4, 6, 8, 10), numbers(split.reads(partitions, 0)));
        assertEquals(100, split.writtenShare(4, 100));
    }

    @Test
    void oneLaneReadsEverythingAndThereAreNeverMoreLanesThanPartitions() {
        List<TopicPartition> partitions = stageTopics(3);
        assertEquals(partitions, LaneSplit.of(partitions, 1).reads(partitions, 0));
        // four workers on 3 partitions: 3 lanes of one whole partition each, none read twice
        LaneSplit four = LaneSplit.of(partitions, 4);
        assertEquals(3, four.lanes());
        assertEquals(Set.of(), four.sharedNumbers(partitions));
        assertEquals(Set.of(1), numbers(four.reads(partitions, 1)));
    }

    @Test
    void aKeylessRecordOfASharedPartitionFallsToTheFirstLane() {
        LaneSplit split = LaneSplit.of(3, 2);
        assertTrue(split.writes(0, 2, null));
        assertFalse(split.writes(1, 2, null));
        assertEquals(50, split.writtenShare(2, 100));
    }

    @Test
    void noTopicsYetAndNoLanesAreHandled() {
        assertEquals(List.of(), LaneSplit.of(List.of(), 2).reads(List.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> LaneSplit.of(3, 0));
    }

    static Set<Integer> numbers(List<TopicPartition> partitions) {
        return Set.copyOf(partitions.stream().map(TopicPartition::partition).toList());
    }
}
