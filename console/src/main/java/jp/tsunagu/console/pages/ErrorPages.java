package jp.tsunagu.console.pages;

import io.quarkus.oidc.OIDCException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.AuthenticationFailedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jp.tsunagu.console.services.NotVisible;
import jp.tsunagu.console.services.NotYetRecorded;
import jp.tsunagu.console.services.Refused;
import jp.tsunagu.console.services.Service;
import jp.tsunagu.console.services.ServiceUnavailable;
import jp.tsunagu.console.signin.Csrf;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.UUID;

/** Every failure as a Japanese page saying what happened and what to do; never a stack trace or an English page. */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Template error;

    public ErrorPages(@Location("error.html") Template error) {
        this.error = error;
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        LOG.warnf("%s did not answer: %s", e.service(), e.getCause() == null ? "5xx" : e.getCause().toString());
        return page(503, "ただいま利用できません",
                e.service().labelJa() + "に接続できません。しばらくしてから、もう一度お試しください。",
                "ほかの画面は使える場合があります。");
    }

    @ServerExceptionMapper
    public Response notVisible(NotVisible e) {
        return page(404, "この案件は表示できません",
                "案件が見つからないか、あなたの機関には閲覧する権限がありません。",
                "受信箱・担当ケース・紹介一覧から開いてください。");
    }

    @ServerExceptionMapper
    public Response notYetRecorded(NotYetRecorded e) {
        return builder(503, "案件の情報を反映しています",
                "この案件はあなたの機関に回付されていますが、情報の反映がまだ終わっていません。",
                "数秒後にページを再読み込みしてください。").header("Retry-After", "5").build();
    }

    @ServerExceptionMapper
    public Response refused(Refused e) {
        return switch (e.status()) {
            case 401 -> page(401, "もう一度サインインしてください", "サインインの有効期限が切れました。",
                    "ページを読み込み直すと、サインイン画面に移ります。");
            case 403 -> page(403, "この操作の権限がありません", "あなたのアカウントでは、この画面は使えません。",
                    "必要な場合は、市の担当者に権限を確認してください。");
            case 429 -> page(429, "混み合っています", "要求が集中しています。",
                    "少し待ってから、もう一度お試しください。");
            default -> page(400, "表示できませんでした", "この条件では表示できません。",
                    "一覧の最初のページから開き直してください。");
        };
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, "ページが見つかりません", "アドレスが正しいか確かめてください。", "");
    }

    @ServerExceptionMapper
    public Response forged(Csrf.ForgedForm e) {
        return page(403, "送信を受け付けられませんでした",
                "画面を開いてから時間がたったか、別の画面からの送信です。",
                "ブラウザーの「戻る」で入力内容を確かめ、画面を開き直してから送信してください。");
    }

    @ServerExceptionMapper({OIDCException.class, AuthenticationFailedException.class})
    public Response identity(RuntimeException e) {
        LOG.warnf("sign-in failed: %s", e.toString());
        return page(503, "サインインできません", Service.IDENTITY.labelJa() + "に接続できないか、サインインに失敗しました。",
                "しばらくしてから、もう一度お試しください。");
    }

    /** Anything else: a Japanese page, the details only in the log (never personal data: no request body). */
    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        if (e instanceof WebApplicationException w && w.getResponse().getStatus() < 500) {
            return page(w.getResponse().getStatus(), "この操作はできません", "画面から操作し直してください。", "");
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "unexpected failure %s", id);
        return page(500, "問題が発生しました", "画面を表示できませんでした（エラー番号 " + id + "）。",
                "もう一度お試しください。続く場合は、このエラー番号を市の担当者に伝えてください。");
    }

    private Response page(int status, String title, String what, String next) {
        return builder(status, title, what, next).build();
    }

    private Response.ResponseBuilder builder(int status, String title, String what, String next) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(error.data("title", title).data("what", what).data("next", next).data("status", status)
                        .render());
    }
}
