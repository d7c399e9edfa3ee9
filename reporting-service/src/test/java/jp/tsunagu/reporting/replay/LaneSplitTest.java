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
    void aCasesRecordsReachOneLaneOnEveryTopic() {
        // the lane depends on the partition number and the key only, never on the topic
        LaneSplit split = LaneSplit.of(stageTopics(3), 2);
        String caseId = "0b7c6a38-5d1e-4a7e-9a51-6c2f0e9d4b11";
        int lane = split.writes(0, 2, caseId) ? 0 : 1;
        for (TopicPartition tp : split.reads(stageTopics(3), lane)) {
            if (tp.partition() == 2) {
                assertTrue(split.writes(lane, tp.partition(), caseId), tp.toString());
            }
        }
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
    void oneLaneReadsEverythingAndMoreLanesThanPartitionsShareThemAll() {
        List<TopicPartition> partitions = stageTopics(3);
        assertEquals(partitions, LaneSplit.of(partitions, 1).reads(partitions, 0));
        LaneSplit four = LaneSplit.of(partitions, 4);
        assertEquals(Set.of(0, 1, 2), four.sharedNumbers(partitions));
        assertEquals(partitions, four.reads(partitions, 3));
        assertEquals(25, four.writtenShare(1, 100));
    }

    @Test
    void aKeylessRecordOfASharedPartitionFallsToTheFirstLane() {
        LaneSplit split = LaneSplit.of(1, 2);
        assertTrue(split.writes(0, 0, null));
        assertFalse(split.writes(1, 0, null));
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
