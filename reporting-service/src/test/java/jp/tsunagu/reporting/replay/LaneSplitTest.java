package jp.tsunagu.reporting.replay;

import jp.tsunagu.contract.Topics;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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

    static List<String> caseIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> UUID.nameUUIDFromBytes(("case-" + i).getBytes()).toString())
                .toList();
    }

    @Test
    void threePartitionsAndTwoLanesDivideTheThirdByKey() {
        // given the local default of 3 partitions per stage topic, and 2 lanes
        LaneSplit split = LaneSplit.of(stageTopics(3), 2);

        // then a whole partition's records are one lane's, whatever their key, and the third is divided
        assertEquals(2, split.lanes());
        assertFalse(split.shared(0));
        assertFalse(split.shared(1));
        assertTrue(split.shared(2));
        for (String key : caseIds(50)) {
            assertEquals(0, split.laneOf(0, key));
            assertEquals(1, split.laneOf(1, key));
        }
    }

    @Test
    void aSharedPartitionsRecordsGoAboutHalfToEachLaneAndAKeyAlwaysToTheSameOne() {
        LaneSplit split = LaneSplit.of(3, 2);
        int[] perLane = new int[2];
        for (String caseId : caseIds(10_000)) {
            int lane = split.laneOf(2, caseId);
            perLane[lane]++;
            assertEquals(lane, split.laneOf(2, caseId), caseId);
        }
        assertTrue(perLane[0] > 4_500 && perLane[1] > 4_500, perLane[0] + " / " + perLane[1]);
    }

    @Test
    void everyRecordGoesToALaneThereIsForAnyCountsOfPartitionsAndLanes() {
        List<String> keys = caseIds(500);
        for (int count = 1; count <= 13; count++) {
            for (int workers = 1; workers <= 6; workers++) {
                List<TopicPartition> partitions = stageTopics(count);
                LaneSplit split = LaneSplit.of(partitions, workers);
                assertEquals(Math.min(workers, count), split.lanes(), count + " partitions, " + workers + " workers");
                boolean[] used = new boolean[split.lanes()];
                for (TopicPartition tp : partitions) {
                    for (String key : keys) {
                        int lane = split.laneOf(tp.partition(), key);
                        assertTrue(lane >= 0 && lane < split.lanes(), tp + " " + key + ", " + count + "/" + workers);
                        used[lane] = true;
                    }
                }
                for (int lane = 0; lane < split.lanes(); lane++) {
                    assertTrue(used[lane], "lane " + lane + " gets records, " + count + "/" + workers);
                }
            }
        }
    }

    @Test
    void partitionCountsThatDifferPerTopicStillGiveEachRecordALane() {
        // a topic with 2 partitions beside topics with 3: the split goes by partition number over the highest
        List<TopicPartition> partitions = new ArrayList<>(stageTopics(3));
        partitions.removeIf(tp -> tp.topic().equals(Topics.PLANS) && tp.partition() == 2);
        LaneSplit split = LaneSplit.of(partitions, 2);
        assertEquals(2, split.lanes());
        assertTrue(split.shared(2));
        for (TopicPartition tp : partitions) {
            int lane = split.laneOf(tp.partition(), "case-" + tp);
            assertTrue(lane == 0 || lane == 1, tp.toString());
        }
    }

    @Test
    void partitionsThatDivideEvenlyAreNotDividedByKey() {
        // production's 12 partitions over 2 lanes: 6 whole partitions each
        LaneSplit split = LaneSplit.of(stageTopics(12), 2);
        for (int p = 0; p < 12; p++) {
            assertFalse(split.shared(p));
            assertEquals(p % 2, split.laneOf(p, "any"));
        }
        assertEquals(50, split.laneShare(100));
    }

    @Test
    void oneLaneWritesEverythingAndThereAreNeverMoreLanesThanPartitions() {
        LaneSplit one = LaneSplit.of(stageTopics(3), 1);
        assertEquals(1, one.lanes());
        caseIds(20).forEach(key -> assertEquals(0, one.laneOf(2, key)));
        assertEquals(100, one.laneShare(100));
        // four workers on 3 partitions: 3 lanes of one whole partition each
        LaneSplit four = LaneSplit.of(stageTopics(3), 4);
        assertEquals(3, four.lanes());
        assertFalse(four.shared(2));
        assertEquals(1, four.laneOf(1, "any"));
    }

    @Test
    void aKeylessRecordOfASharedPartitionFallsToTheFirstLane() {
        LaneSplit split = LaneSplit.of(3, 2);
        assertEquals(0, split.laneOf(2, null));
        assertEquals(51, split.laneShare(101));
    }

    @Test
    void noTopicsYetGiveOneLaneAndNoWorkersAreRefused() {
        assertEquals(1, LaneSplit.of(List.of(), 2).lanes());
        assertThrows(IllegalArgumentException.class, () -> LaneSplit.of(3, 0));
    }
}
