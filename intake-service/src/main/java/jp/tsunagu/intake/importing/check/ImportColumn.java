package jp.tsunagu.intake.importing.check;

import java.text.Normalizer;
import java.util.List;

/**
 * The columns a city's caseload list (台帳) may have, with the headers each is known by. A header is matched after
 * NFKC and with its spaces removed, so 「受 付 日」 and 「氏名(ふりがな)」 are found too; a header not here is ignored.
 */
public enum ImportColumn {
    /** 管理番号: the city's own case number; when the column exists, the row's key. */
    CASE_NO(false, "管理番号", "台帳番号", "ケース番号", "整理番号"),
    RECEIVED_ON(true, "受付日", "相談受付日", "相談日"),
    NAME(true, "氏名", "名前", "本人氏名"),
    KANA(false, "ふりがな", "フリガナ", "かな", "カナ", "氏名（ふりがな）"),
    BIRTH_DATE(false, "生年月日"),
    AGE(false, "年齢"),
    ADDRESS(false, "住所"),
    /** 地区 / 校区 / 圏域: an area of the city's directory. */
    AREA(true, "地区", "校区", "圏域", "地域"),
    /** 相談内容 / 主訴: free text, personal (sealed). */
    SUMMARY(false, "相談内容", "主訴", "概要"),
    CONCERNS(true, "課題", "課題の種類", "相談分類"),
    /** 紹介元: the agency that referred the case; blank or 市 for the city's own desk. */
    REFERRER(false, "紹介元", "紹介機関"),
    CHANNEL(false, "相談経路", "経路"),
    /** 担当機関 / つなぎ先: the agency the case went to. */
    AGENCY(false, "担当機関", "つなぎ先", "担当"),
    CONSENT(true, "同意", "本人同意", "情報共有の同意"),
    URGENCY(false, "緊急度"),
    STATUS(true, "状態", "進捗", "ステータス"),
    /** つなぎ日: the day the case was routed (defaults to 受付日). */
    ROUTED_ON(false, "つなぎ日"),
    ACCEPTED_ON(false, "受入日"),
    PLAN_TYPE(false, "プラン種別", "プランの種類"),
    PLAN_MADE_ON(false, "作成日", "プラン作成日"),
    CLOSED_ON(false, "終結日");

    private final boolean required;
    private final List<String> headers;

    ImportColumn(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    /** A column without which no row can be read (生年月日 or 年齢 is checked as a pair). */
    public boolean required() {
        return required;
    }

    public List<String> headers() {
        return headers;
    }

    /** The header the templates write and a problem names when the sheet lacks the column. */
    public String header() {
        return this == PLAN_MADE_ON ? "プラン作成日" : headers.getFirst();
    }

    /** The column a header names, or null. */
    public static ImportColumn of(String header) {
        String key = key(header);
        for (ImportColumn c : values()) {
            for (String h : c.headers) {
                if (key(h).equals(key)) {
                    return c;
                }
            }
        }
        return null;
    }

    static String key(String header) {
        return header == null ? "" : Normalizer.normalize(header, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
