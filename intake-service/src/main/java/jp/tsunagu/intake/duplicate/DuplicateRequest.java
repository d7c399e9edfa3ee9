package jp.tsunagu.intake.duplicate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** {@code POST /cases/{caseId}/duplicate}: the coordinator's decision about the case and another one. */
@Schema(name = "DuplicateRequest")
public record DuplicateRequest(
        @Schema(required = true, enumeration = {"CONFIRM", "DISMISS"},
                description = "CONFIRM: the same person, this case joins `of`; DISMISS: another person") String decision,
        @Schema(required = true, description = "The other case (usually the case's possibleDuplicateOf)") String of,
        @Schema(description = "Why; required for DISMISS, at most 1000 characters. Kept in intake, sealed with the "
                + "case's data key; never on the event log") String reason) {

    /** Never the reason: it may describe the person. */
    @Override
    public String toString() {
        return "DuplicateRequest[" + decision + ", " + of + ", redacted]";
    }
}
