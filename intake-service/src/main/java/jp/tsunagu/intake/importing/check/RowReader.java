package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Channel;
import jp.tsunagu.contract.codes.Coded;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.Consent;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Urgency;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.importing.ImportedStages;
import jp.tsunagu.intake.importing.sheet.SheetRow;
import jp.tsunagu.intake.referral.ReferralRequest;
import jp.tsunagu.support.problem.ProblemJapanese;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one row's cells into codes and dates. What only a cell can say is found here (a formula, a date that is no
 * date, a label that is no label, an agency not in the directory); everything a referral must satisfy is left to
 * {@code ReferralRules} and the stages to {@code ImportedStages}, the one place each rule lives.
 */
final class RowReader {

    static final String FORMULA = "数式のようなセルは取り込めません（値だけを貼り付けてください）";
    static final String EXAMPLE = "テンプレートの例の行です（消してから取り込んでください）";
    static final int MAX_CASE_NO = 64;
    /** How a list says "the city's own desk" in 紹介元. */
    private static final Set<String> CITY_DESK = Set.of("市", "市役所", "市の窓口", "市窓口", "本市");

    private final HeaderMap header;
    private final AgencyDirectory directory;

    RowReader(HeaderMap header, AgencyDirectory directory) {
        this.header = header;
        this.directory = directory;
    }

    ReadRow read(SheetRow row) {
        Cells c = new Cells(row);
        LocalDate receivedOn = c.date(ImportColumn.RECEIVED_ON);
        if (c.blank(ImportColumn.RECEIVED_ON)) {
            c.problem(ImportColumn.RECEIVED_ON, "必須です");
        }
        LocalDate birthDate = c.date(ImportColumn.BIRTH_DATE);
        Integer age = age(c);
        String referrer = referrer(c);
        // the live rules let an agency's referral come by any channel (routing reads アウトリーチ as such): the cell's
        // channel is kept, and a blank one with an agency as 紹介元 is 相談支援機関から
        Channel channel = c.code(Labels.CHANNEL, ImportColumn.CHANNEL, false);
        if (referrer != null && channel == null && c.blank(ImportColumn.CHANNEL)) {
            channel = Channel.AGENCY;
        }
        if (referrer == null && channel == null && c.blank(ImportColumn.CHANNEL)
                && !c.reported.contains(ImportColumn.REFERRER)) {
            c.problem(ImportColumn.CHANNEL, "紹介元が空欄（市の窓口）のときは相談経路が要ります（使える名前: "
                    + Labels.CHANNEL.allowed() + "）");
        }
        String name = c.text(ImportColumn.NAME);
        if (name != null && Normalizer.normalize(name, Normalizer.Form.NFKC).startsWith("(例)")) {
            c.problem(ImportColumn.NAME, EXAMPLE); // the template's example row, left in
            name = null;
        }
        Consent consent = c.code(Labels.CONSENT, ImportColumn.CONSENT, true);
        Urgency urgency = c.code(Labels.URGENCY, ImportColumn.URGENCY, false);
        CaseStatus status = c.code(Labels.STATUS, ImportColumn.STATUS, false);
        PlanType planType = c.code(Labels.PLAN_TYPE, ImportColumn.PLAN_TYPE, false);
        String agency = agency(c, ImportColumn.AGENCY, "担当機関");

        // a cell already reported goes to the rules as written: they then fault it (not shown twice) rather than
        // report 「生年月日または年齢が必要です」 for a row that has one
        ReferralRequest.PersonRequest person = new ReferralRequest.PersonRequest(name,
                c.text(ImportColumn.KANA), birthDate != null ? birthDate.toString() : c.asWritten(ImportColumn.BIRTH_DATE),
                age != null ? age : c.asWritten(ImportColumn.AGE),
                c.text(ImportColumn.ADDRESS), area(c.text(ImportColumn.AREA)), null);
        ReferralRequest request = new ReferralRequest(referrer, receivedOn == null ? null : receivedOn.toString(),
                channel == null ? null : channel.name(), person, null, concerns(c), code(consent),
                urgency == null ? Urgency.ROUTINE.name() : urgency.name(), c.text(ImportColumn.SUMMARY), null);
        ImportedStages.Row stages = new ImportedStages.Row(status, agency, receivedOn,
                c.date(ImportColumn.ROUTED_ON), c.date(ImportColumn.ACCEPTED_ON), planType,
                c.date(ImportColumn.PLAN_MADE_ON), c.date(ImportColumn.CLOSED_ON));
        return new ReadRow(request, receivedOn, stages, caseNo(c), List.copyOf(c.problems), Set.copyOf(c.reported));
    }

    private String caseNo(Cells c) {
        if (!header.has(ImportColumn.CASE_NO)) {
            return null;
        }
        String no = c.text(ImportColumn.CASE_NO);
        if (no == null) {
            if (!c.reported.contains(ImportColumn.CASE_NO)) {
                c.problem(ImportColumn.CASE_NO, "管理番号の列があるときは、どの行にも管理番号が要ります");
            }
            return null;
        }
        no = Normalizer.normalize(no, Normalizer.Form.NFKC).strip();
        if (no.codePointCount(0, no.length()) > MAX_CASE_NO) {
            c.problem(ImportColumn.CASE_NO, MAX_CASE_NO + "文字以内で入力してください");
            return null;
        }
        return no;
    }

    private static Integer age(Cells c) {
        String text = c.text(ImportColumn.AGE);
        if (text == null) {
            return null;
        }
        String t = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replaceFirst("\\s*歳$", "");
        if (t.matches("\\d{1,3}")) {
            return Integer.valueOf(t);
        }
        c.problem(ImportColumn.AGE, ProblemJapanese.message("a whole number of years, e.g. 70"));
        return null;
    }

    /** The referring agency's id, or null for the city's own desk. */
    private String referrer(Cells c) {
        String text = c.text(ImportColumn.REFERRER);
        if (text == null) {
            return null;
        }
        String key = Labels.key(text);
        String city = Labels.key(directory.municipalityName());
        if (CITY_DESK.contains(key) || key.equals(city) || key.equals(city + "役所")) {
            return null;
        }
        return agency(c, ImportColumn.REFERRER, "紹介元");
    }

    /** An agency of the directory by its name (as the 「選択肢」 sheet lists it) or its id. */
    private String agency(Cells c, ImportColumn column, String what) {
        String text = c.text(column);
        if (text == null) {
            return null;
        }
        String key = Labels.key(text);
        for (Agency a : directory.agencies()) {
            if (a.id().equals(text) || Labels.key(a.name()).equals(key)) {
                return a.id();
            }
        }
        c.problem(column, "「" + RowProblem.shorten(text, Labels.QUOTED) + "」は" + directory.municipalityName() + "の機関にありません（" + what
                + "には「選択肢」シートの機関名か機関IDを書いてください）");
        return null;
    }

    /** The directory's spelling of an area written with full-width letters or spaces; else as written. */
    private String area(String text) {
        if (text == null) {
            return null;
        }
        String key = Labels.key(text);
        return directory.areas().stream().filter(a -> Labels.key(a).equals(key)).findFirst().orElse(text);
    }

    private static List<String> concerns(Cells c) {
        String text = c.text(ImportColumn.CONCERNS);
        if (text == null) {
            return List.of();
        }
        Labels.Many<Concern> many = Labels.CONCERN.readMany(text);
        if (!many.unknown().isEmpty()) { // one problem for the cell, however many parts it has
            c.problem(ImportColumn.CONCERNS, Labels.CONCERN.unknown(many.unknown()));
        }
        return many.values().stream().map(Enum::name).toList();
    }

    private static String code(Coded value) {
        return value == null ? null : value.name();
    }

    /** One row's cells with the problems found so far; a formula-like cell is reported once and read as empty. */
    private final class Cells {
        final SheetRow row;
        final List<RowProblem> problems = new ArrayList<>();
        final Set<ImportColumn> reported = EnumSet.noneOf(ImportColumn.class);

        Cells(SheetRow row) {
            this.row = row;
            for (ImportColumn column : header.index().keySet()) {
                String cell = header.cell(row, column);
                if (header.formula(row, column) || formulaLike(cell)) {
                    problem(column, FORMULA);
                }
            }
        }

        /** The cell's text, null when empty or already reported. */
        String text(ImportColumn column) {
            String cell = header.cell(row, column);
            return cell.isEmpty() || reported.contains(column) ? null : cell;
        }

        /** A reported cell as written (for the rules to fault it), else null. */
        String asWritten(ImportColumn column) {
            String cell = header.cell(row, column);
            return reported.contains(column) && !cell.isEmpty() ? cell : null;
        }

        boolean blank(ImportColumn column) {
            return header.cell(row, column).isEmpty();
        }

        LocalDate date(ImportColumn column) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            return CellDates.parse(text).orElseGet(() -> {
                problem(column, CellDates.UNREADABLE);
                return null;
            });
        }

        <E extends Enum<E> & Coded> E code(Labels<E> labels, ImportColumn column, boolean required) {
            String text = text(column);
            if (text == null) {
                if (required && !reported.contains(column)) {
                    problem(column, "必須です（使える名前: " + labels.allowed() + "）");
                }
                return null;
            }
            E value = labels.read(text);
            if (value == null) {
                problem(column, labels.unknown(text));
            }
            return value;
        }

        void problem(ImportColumn column, String reason) {
            problems.add(new RowProblem(row.number(), header.name(column), header.cell(row, column), reason));
            reported.add(column);
        }
    }

    /**
     * A cell a spreadsheet would run as a formula (CSV injection): = + - @ followed by something, also written
     * full-width (＝＋－＠, which NFKC makes the same and a spreadsheet may too).
     */
    static boolean formulaLike(String cell) {
        String c = Normalizer.normalize(cell, Normalizer.Form.NFKC).strip();
        return c.length() > 1 && "=+-@".indexOf(c.charAt(0)) >= 0;
    }
}
