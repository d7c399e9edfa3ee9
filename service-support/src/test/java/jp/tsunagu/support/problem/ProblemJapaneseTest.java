package jp.tsunagu.support.problem;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemJapaneseTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            required                                                 | 必須です
            required; one of GIVEN, NOT_GIVEN, UNKNOWN               | 必須です。次のいずれかを指定してください: GIVEN, NOT_GIVEN, UNKNOWN
            at most 300 characters                                   | 300文字以内で入力してください
            must be between 0 and 130                                | 0から130の間で指定してください
            must not be before the case was received (2024-07-01)    | 相談受付日（2024-07-01）より前の日付は指定できません
            case abc was not found                                   | ケース abc は見つかりません
            replay r1 was not found                                  | replay r1 は見つかりません
            age: expected Integer                                    | age: 値の型が違います（Integer が必要です）
            3 fields are invalid                                     | 3項目に誤りがあります
            something nobody translated                              | something nobody translated
            person.birthDate: must not be after receivedOn           | person.birthDate: 受付日（receivedOn）より後の日付は指定できません
            the case is ACCEPTED, not waiting for acceptance         | このケースは ACCEPTED の状態で、受理の回答を待っていません
            heldOn must not be after today (2024-07-01, Japan)       | 開催日: 今日（2024-07-01）より後の日付は指定できません
            limit: must be a whole number                            | limit: 整数で指定してください
            Not Found                                                | このアドレスには何もありません
            """)
    void messagesAndDetails(String english, String japanese) {
        assertEquals(japanese, ProblemJapanese.detail(english));
    }

    @Test
    void theContractsRefusalsAreReadInTheirOwnJapanese() {
        var refusal = jp.tsunagu.contract.codes.ReviewRules.refusal(jp.tsunagu.contract.codes.MeetingType
                .JUUSOU_SHIEN_KAIGI, jp.tsunagu.contract.codes.Consent.UNKNOWN,
                jp.tsunagu.contract.codes.ReviewOutcome.SHARE_INFO).orElseThrow();
        assertEquals("ケース c-1: " + refusal.japanese(), ProblemJapanese.detail("case c-1: " + refusal.english()));
        assertEquals(refusal.japanese(), ProblemJapanese.detail(refusal.english()));
    }

    @Test
    void codesForProgramsStayAsTheyAre() {
        Problem english = new Problem("/problems/validation", "Invalid request", 400, "2 fields are invalid",
                "/referrals", List.of(new FieldError("consent", "required; one of GIVEN, NOT_GIVEN, UNKNOWN"),
                new FieldError("person.age", "must be between 0 and 130")));
        Problem japanese = ProblemJapanese.of(english);
        assertEquals("/problems/validation", japanese.type());
        assertEquals(400, japanese.status());
        assertEquals("入力内容に誤りがあります", japanese.title());
        assertEquals("2項目に誤りがあります", japanese.detail());
        assertEquals(List.of("consent", "person.age"), japanese.errors().stream().map(FieldError::field).toList());
        assertTrue(japanese.errors().get(0).message().contains("GIVEN"));
    }

    @ParameterizedTest(name = "{0} / default {1} → {2}")
    @CsvSource(nullValues = "-", textBlock = """
            ja,                 en, true
            'ja-JP,en;q=0.5',   en, true
            'en-US,ja;q=0.8',   en, false
            'fr,ja;q=0.5',      en, true
            -,                  ja, true
            -,                  en, false
            'ja;q=0',           en, false
            '!!!',              ja, true
            """)
    void acceptLanguageOrTheCitysDefault(String header, String defaultLanguage, boolean japanese) {
        assertEquals(japanese, ProblemJapanese.wanted(header, defaultLanguage));
    }

    @Test
    void aTitleForEveryStatusTheServicesAnswer() {
        for (int status : new int[]{400, 401, 403, 404, 405, 406, 409, 410, 411, 413, 415, 422, 429, 500, 503}) {
            assertFalse(ProblemJapanese.of(new Problem("/problems/x", "English", status, null, null, null)).title()
                    .equals("English"), "a Japanese title for " + status);
        }
    }
}
