package jp.tsunagu.intake.status;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A row of the referrer's status view (written by {@link CaseStatusProjection}, read here). */
@Entity
@Table(name = "case_status")
public class CaseStatusRecord {

    @Id
    @Column(name = "case_id")
    public String caseId;

    public String municipality;

    @Column(name = "referring_agency_id")
    public String referringAgencyId;

    @Column(name = "assigned_agency_id")
    public String assignedAgencyId;

    public String status;

    @Column(name = "status_time")
    public OffsetDateTime statusTime;

    @Column(name = "received_on")
    public LocalDate receivedOn;
}
