package jp.tsunagu.meeting;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * meeting-service's packages depend one way: schedule (calendars) ← agenda (the meetings cases wait for) ← minutes
 * (what a held meeting recorded) ← meetings (the meeting as read and run over HTTP). A cycle would make every change
 * of one package a change of the other.
 */
class PackagesTest {

    private static final JavaClasses MEETING = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.tsunagu.meeting");

    @Test
    void noCycleBetweenPackages() {
        slices().matching("jp.tsunagu.meeting.(*)..").should().beFreeOfCycles().check(MEETING);
    }

    @Test
    void agendaDependsOnNeitherMinutesNorTheMeetingsView() {
        noClasses().that().resideInAPackage("jp.tsunagu.meeting.agenda..")
                .should().dependOnClassesThat().resideInAnyPackage("jp.tsunagu.meeting.minutes..",
                        "jp.tsunagu.meeting.meetings..")
                .check(MEETING);
    }

    @Test
    void minutesDependOnAgendaNotOnTheMeetingsView() {
        noClasses().that().resideInAPackage("jp.tsunagu.meeting.minutes..")
                .should().dependOnClassesThat().resideInAPackage("jp.tsunagu.meeting.meetings..")
                .check(MEETING);
    }
}
