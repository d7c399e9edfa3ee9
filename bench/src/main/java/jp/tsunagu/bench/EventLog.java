package jp.tsunagu.bench;

import jp.tsunagu.contract.Topics;
import jp.tsunagu.contract.codes.AgeBand;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.EmergencyReview;
import jp.tsunagu.contract.codes.Field;
import jp.tsunagu.contract.codes.MeetingType;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.ReviewOutcome;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.events.CloudEventCodec;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.EventIds;
import jp.tsunagu.contract.events.IntakeEvent;
import jp.tsunagu.contract.events.MeetingEvent;
import jp.tsunagu.contract.events.PlanningEvent;
import jp.tsunagu.contract.events.RoutingEvent;
import jp.tsunagu.contract.events.SealedData;
import jp.tsunagu.contract.events.TsunaguEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A synthetic but valid event log for the replay benchmark, written straight to the stage topics with the contract's
 * codec, and a bare Kafka consumer that reads it back as the ceiling a replay is measured against.
 */
final class EventLog {

    private static final java.util.concurrent.atomic.AtomicLong FAILED = new java.util.concurrent.atomic.AtomicLong();

    private EventLog() {
    }

    /**
     * Cases of 久留米市 over R3–R7, about four events each: a referral; three in four routed to an agency that
     * accepts, one in four escalated, reviewed by a 重層的支援会議 (one minutes per 20 cases) and given a plan.
     *
     * @return the number of events written
     */
    static long generate(String bootstrap, long events) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 262_144);
        long written = 0;
        String municipality = "402036";
        LocalDate first = LocalDate.of(2021, 4, 1);
        SealedData sealed = new SealedData("A256GCM", "bench/1", "bm9uY2U=", "Y2lwaGVydGV4dA==");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(),
                new ByteArraySerializer())) {
            String meetingId = null;
            for (long n = 0; written < events; n++) {
                // spread as the services' are (intake derives a case id from a hash: IdempotencyKeys.caseId), not in
                // order: a key's place in the tables' indexes is then as random as in a city's log
                String caseId = UUID.nameUUIDFromBytes(("bench-case|" + n).getBytes(StandardCharsets.UTF_8)).toString();
                LocalDate on = first.plusDays(n % 1800);
                written += send(producer, Topics.INTAKE, EventIds.referralReceived(caseId), on,
                        new IntakeEvent.ReferralReceived(caseId, null, municipality, "kurume-kikan-01",
                                Channel.AGENCY, on,
                                "荒木", AgeBand.AGE_40_49, List.of(), List.of(Concern.HIKIKOMORI, Concern.POVERTY),
                                Consent.GIVEN, Urgency.ROUTINE, false, sealed));
                if (n % 4 != 3) {
                    written += send(producer, Topics.ROUTING, EventIds.routingDecision(caseId, 1), on.plusDays(1),
                            new RoutingEvent.CaseRouted(caseId, municipality, "kurume-houkatsu-06",
                                    List.of(Field.ELDERLY), List.of(), "bench", "bench"));
                    written += send(producer, Topics.ROUTING, EventIds.routingAnswer(caseId, 1, "accepted"), on.plusDays(2),
                            new RoutingEvent.RoutingAccepted(caseId, municipality, "kurume-houkatsu-06"));
                } else {
                    written += send(producer, Topics.ROUTING, EventIds.routingDecision(caseId, 1), on.plusDays(1),
                            new RoutingEvent.CaseEscalated(caseId, municipality, MeetingType.JUUSOU_SHIEN_KAIGI,
                                    Urgency.ROUTINE, EmergencyReview.REGULAR, Consent.GIVEN, List.of(Field.POVERTY),
                                    List.of(), "bench", "bench"));
                    if (n % 80 == 3) {
                        meetingId = "bench-meeting-" + n;
                        written += send(producer, Topics.MEETINGS, EventIds.minutesRecorded(meetingId), on.plusDays(10),
                                new MeetingEvent.MinutesRecorded(meetingId, municipality,
                                        MeetingType.JUUSOU_SHIEN_KAIGI, on.plusDays(10), List.of(), 20));
                    }
                    written += send(producer, Topics.MEETINGS, EventIds.caseReviewed(meetingId, caseId), on.plusDays(10),
                            new MeetingEvent.CaseReviewed(caseId, municipality, meetingId,
                                    MeetingType.JUUSOU_SHIEN_KAIGI, on.plusDays(10), ReviewOutcome.PLAN,
                                    PlanType.MULTI_AGENCY, List.of(), false, null));
                    written += send(producer, Topics.PLANS, EventIds.planCreated("plan-" + caseId), on.plusDays(20),
                            new PlanningEvent.PlanCreated("plan-" + caseId, caseId, municipality,
                                    PlanType.MULTI_AGENCY, on.plusDays(20), List.of(), on.plusDays(200), meetingId));
                }
            }
            producer.flush();
        }
        if (FAILED.get() > 0) {
            throw new IllegalStateException(FAILED.get() + " of " + written + " events were not acknowledged");
        }
        return written;
    }

    private static int send(KafkaProducer<String, byte[]> producer, String topic, String id, LocalDate on,
                            TsunaguEvent event) {
        EventEnvelope<TsunaguEvent> envelope = new EventEnvelope<>(id, "/tsunagu/bench", Instant.now(), on, null,
                event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, envelope.subject(),
                CloudEventCodec.value(event));
        CloudEventCodec.headers(envelope).forEach(record.headers()::add);
        producer.send(record, (metadata, error) -> {
            if (error != null) {
                FAILED.incrementAndGet();
            }
        });
        return 1;
    }

    /** Reads the four stage topics from offset 0 to their current end, doing nothing with the records. */
    static Passes bareConsumer(String bootstrap) {
        return readAll(bootstrap, "bare Kafka consumer, 4 stage topics", record -> record.value().length > 0);
    }

    /**
     * Reads the four stage topics from offset 0 and decodes every record with the contract's codec, as every
     * consumer of Tsunagu must: the ceiling a replay (which also decodes every event) is measured against.
     */
    static Passes decodeConsumer(String bootstrap) {
        return readAll(bootstrap, "decode-only consumer, 4 stage topics", record -> {
            try {
                return CloudEventCodec.read(name -> {
                    Header h = record.headers().lastHeader(name);
                    return h == null ? null : h.value();
                }, record.value()).id() != null;
            } catch (CloudEventCodec.MalformedEventException e) {
                return false;
            }
        });
    }

    /**
     * Passes over the whole log in this JVM before the measured ones, at least {@value #WARM_UP_PASSES} and at least
     * {@value #WARM_UP_SECONDS} s of them, about as long as the replay's three warm-up replays at 200,000 events: they
     * compile the reading and decoding. Two passes alone (about 2 s at 200,000 events) left it still rising: 197,473,
     * 208,770 and 232,530 events/s at d4f0f40.
     */
    private static final int WARM_UP_PASSES = 2;
    private static final long WARM_UP_SECONDS = 15;
    private static final int MEASURED_PASSES = 5;
    /**
     * A measured pass reads the log as many times as it takes to read for this long, about as long as a replay's load
     * at 200,000 events: one read of 200,000 events took 0.6 s, and the five such passes of one run differed by up to
     * 29 % (275,900-356,434 events/s at 90d9c8f), where 2.8-s reads of 1,000,000 events differed by 4 %
     * (344,548-356,966). Passes of at least 3 s at 200,000 events then lay within 7 % (3871a76).
     */
    private static final double MEASURED_PASS_SECONDS = 3;

    /**
     * A steady state's figure, as the replay it is the ceiling of is measured after replays that warm it up: the
     * median pass of {@value #MEASURED_PASSES} (each of whole reads of the log, at least
     * {@value #MEASURED_PASS_SECONDS} s of reading) after at least {@value #WARM_UP_PASSES} reads and
     * {@value #WARM_UP_SECONDS} s of them, each measured pass's rate said after it.
     */
    private static Passes readAll(String bootstrap, String name,
                                           Predicate<ConsumerRecord<String, byte[]>> work) {
        long warmUpEnds = System.nanoTime() + WARM_UP_SECONDS * 1_000_000_000L;
        for (int i = 0; i < WARM_UP_PASSES || System.nanoTime() < warmUpEnds; i++) {
            pass(bootstrap, name, work);
        }
        List<HttpLoad.Result> measured = new ArrayList<>();
        for (int i = 0; i < MEASURED_PASSES; i++) {
            measured.add(measuredPass(bootstrap, name, work));
        }
        String rates = measured.stream().map(r -> String.format("%.0f", r.perSecond()))
                .collect(Collectors.joining(", "));
        HttpLoad.Result median = measured.stream().sorted(Comparator.comparingDouble(HttpLoad.Result::perSecond))
                .toList().get(MEASURED_PASSES / 2);
        return new Passes(median, rates);
    }

    /** The median of the measured passes, and every measured pass's events per second. */
    record Passes(HttpLoad.Result median, String rates) {

        /** The figure in the column of the other result lines, the passes after it. */
        String line() {
            return String.format("%-38s %8.0f events/s (%d events read in %.1f s; the median pass of %s per second)",
                    median.name(), median.perSecond(), median.ok(), median.seconds(), rates);
        }
    }

    /** Whole reads of the log until {@value #MEASURED_PASS_SECONDS} s of reading: their events over their time. */
    private static HttpLoad.Result measuredPass(String bootstrap, String name,
                                                Predicate<ConsumerRecord<String, byte[]>> work) {
        long records = 0;
        double seconds = 0;
        do {
            HttpLoad.Result read = pass(bootstrap, name, work);
            if (read.seconds() == 0) {
                break; // an empty log: nothing to time
            }
            records += read.ok();
            seconds += read.seconds();
        } while (seconds < MEASURED_PASS_SECONDS);
        return new HttpLoad.Result(name, records, 0, seconds, new long[0]);
    }

    /** One read of the log from offset 0 to its end. */
    private static HttpLoad.Result pass(String bootstrap, String name,
                                        Predicate<ConsumerRecord<String, byte[]>> work) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        long records = 0;
        // timed as a replay's load is: from the first poll that brings records to the last record's work, so the
        // consumer's start (its metadata, the partitions' offsets) does not count against either
        long first = 0;
        long last = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = Topics.STAGES.stream().flatMap(t -> consumer.partitionsFor(t).stream()
                    .map(i -> new TopicPartition(t, i.partition()))).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
                if (!polled.isEmpty() && first == 0) {
                    first = System.nanoTime();
                }
                for (var r : polled) {
                    records += work.test(r) ? 1 : 0;
                }
                last = System.nanoTime();
            }
        }
        double seconds = first == 0 ? 0 : (last - first) / 1e9;
        return new HttpLoad.Result(name, records, 0, seconds, new long[0]);
    }
}
