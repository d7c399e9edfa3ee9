package jp.tsunagu.console.imports;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The upload form as sent (multipart/form-data): the file, 文字コード, 問題のある行を飛ばして取り込む, the button pressed
 * (確認だけする or 取り込む) and the session's CSRF token. The file stays the console's temporary upload, deleted when
 * the request ends.
 */
public class ImportForm {

    @RestForm("csrf")
    public String csrf;

    /** {@code check} or {@code import}: which button she pressed. */
    @RestForm("mode")
    public String mode;

    @RestForm("charset")
    public String charset;

    @RestForm("skipBadRows")
    public String skipBadRows;

    @RestForm("file")
    public FileUpload file;

    ImportUpload choices() {
        return ImportUpload.of(mode, charset, skipBadRows);
    }
}
