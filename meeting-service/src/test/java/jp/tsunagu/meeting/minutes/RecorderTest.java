package jp.tsunagu.meeting.minutes;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who a correction names: family and given names, else the token's name, else the user name or subject. */
class RecorderTest {

    @Test
    void aPersonIsNamedAsTheIdentityProviderNamesHer() {
        // Keycloak's name claim is "given family": the family name comes first all the same
        assertEquals("山田 花子", Recorder.nameOf("花子 山田", "山田", "花子", "yamada", "sub-1"));
        assertEquals("山田 花子", Recorder.nameOf("山田 花子", null, null, "yamada", "sub-1"));
        assertEquals("山田 花子", Recorder.nameOf(null, "山田", "花子", "yamada", "sub-1"));
        assertEquals("山田", Recorder.nameOf(null, "山田", null, "yamada", "sub-1"));
    }

    @Test
    void aSystemsTokenIsNamedByItsUserNameOrSubject() {
        assertEquals("service-account-tsunagu-console",
                Recorder.nameOf(null, null, null, "service-account-tsunagu-console", "sub-1"));
        assertEquals("sub-1", Recorder.nameOf(null, null, null, null, "sub-1"));
    }
}
