package jp.tsunagu.console.meetings;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A meeting that is not hers is the console's Japanese 404, saying why a 支援会議 may be closed to her. */
public class MeetingErrors {

    private final Template error;

    public MeetingErrors(@Location("error.html") Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response notAMeeting(MeetingReads.NotAMeeting e) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("title", "この会議は表示できません")
                        .data("what", "会議が見つからないか、あなたには閲覧する権限がありません。支援会議の資料は、"
                                + "社会福祉法第106条の6により、構成員として招集された機関と市の担当者だけが閲覧できます。")
                        .data("next", "会議の一覧から開いてください。")
                        .data("status", 404).render())
                .build();
    }
}
