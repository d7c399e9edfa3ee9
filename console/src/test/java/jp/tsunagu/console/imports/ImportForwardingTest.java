package jp.tsunagu.console.imports;

import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.IntakeApi;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The upload as the console hands it to intake's client: the very bytes she chose (a CP932 CSV stays CP932, nothing
 * parsed or re-encoded), her choices and the file's name; and nothing else of intake is called.
 */
class ImportForwardingTest {

    /** What intake's client was called with, method by method. */
    private final List<String> methods = new ArrayList<>();
    private final List<Object[]> arguments = new ArrayList<>();

    private final IntakeApi intake = (IntakeApi) Proxy.newProxyInstance(IntakeApi.class.getClassLoader(),
            new Class<?>[] {IntakeApi.class}, (proxy, method, args) -> {
                methods.add(method.getName());
                arguments.add(args);
                return Response.accepted().build();
            });

    @Test
    void givenAShiftJisCsvAndTheImportButtonWhenSentThenIntakeGetsItsBytesAsTheyAreWithHerChoicesAndItsName() {
        byte[] csv = "管理番号,受付日,氏名\r\n1,令和7年4月1日,久留米 一郎\r\n".getBytes(Charset.forName("windows-31j"));
        ImportUpload choices = ImportUpload.of("import", "Shift_JIS", "true");

        choices.send(intake, "C:\\fakepath\\台帳（令和7年度）.csv", csv);

        assertEquals(List.of("startImport"), methods);
        Object[] sent = arguments.getFirst();
        assertEquals("import", sent[0]);
        assertEquals(true, sent[1]);
        assertEquals("Shift_JIS", sent[2]);
        assertEquals("台帳（令和7年度）.csv", URLDecoder.decode((String) sent[3], StandardCharsets.UTF_8));
        assertSame(csv, sent[4], "the same bytes, not a copy re-encoded");
        assertArrayEquals("管理番号,受付日,氏名\r\n1,令和7年4月1日,久留米 一郎\r\n"
                .getBytes(Charset.forName("windows-31j")), (byte[]) sent[4]);
    }

    @Test
    void givenTheCheckButtonWhenSentThenIntakeIsAskedOnlyToCheckWithTheCharsetLeftToIt() {
        ImportUpload.of("check", null, null).send(intake, "台帳.xlsx", new byte[] {0x50, 0x4b, 3, 4});

        Object[] sent = arguments.getFirst();
        assertEquals("check", sent[0]);
        assertEquals(false, sent[1]);
        assertEquals("auto", sent[2]);
    }
}
