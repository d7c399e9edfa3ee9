package jp.tsunagu.meeting.agenda;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.events.EventEnvelope;
import jp.tsunagu.contract.events.TsunaguEvent;
import jp.tsunagu.support.events.StageProjection;

import java.util.List;

/** Escalations (routing) and consent (intake) put cases on the agendas. */
@ApplicationScoped
public class AgendaIntake implements StageProjection {

    private final MeetingService service;

    public AgendaIntake(MeetingService service) {
        this.service = service;
    }

    @Override
    public String consumer() {
        return "meetings";
    }

    @Override
    public boolean changesAnything(TsunaguEvent event) {
        return MeetingService.handling(event) != MeetingService.Handling.NONE;
    }

    @Override
    public Uni<Void> apply(List<EventEnvelope<TsunaguEvent>> events) {
        return service.onStageEvents(events);
    }
}
