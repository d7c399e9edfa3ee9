package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.codes.Wareki;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.importing.ImportedStages;
import jp.tsunagu.intake.importing.sheet.SheetReader;
import jp.tsunagu.intake.importing.sheet.SheetRow;
import jp.tsunagu.intake.referral.ReferralRules;
import jp.tsunagu.support.problem.FieldError;
import jp.tsunagu.support.problem.ProblemJapanese;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Checks a whole sheet, row by row as it is read: the header is mapped to columns, then each row is read
 * ({@link RowReader}), checked as a referral by {@link ReferralRules} and for its stages by {@link ImportedStages},
 * against the day the city began, and for a 管理番号 given twice. Only the good rows and the problems are kept.
 * Plain Java: the import job runs it, the tests call it directly.
 */
public final class SheetCheck {

    /** Art. 106-4 of the Social Welfare Act (重層的支援体制整備事業) came into force on this day. */
    public static final LocalDate DEFAULT_JOINED_ON = LocalDate.of(2021, 4, 1);
    private static final int PROGRESS_EVERY = 100;
    /** The problems kept (each quotes a cell); the rest are counted, so a sheet of garbage cannot fill the heap. */
    public static final int MAX_PROBLEMS = 10_000;
    /**
     * An .xlsx row numbers itself ({@code r}) or is numbered one after the previous; mixing both, or repeating an
     * {@code r}, gives two rows one number. Refused for the whole file: a row is known by its number (the report's
     * 行, and the key of a sheet without 管理番号), so nothing may be checked or imported under a number twice.
     */
    public static final String ROWS_OUT_OF_ORDER = "行番号が重複しているか逆順です（Excelで開いて保存し直してください）";

    private final ReferralRules rules;
    private final Map<String, AgencyDirectory> directories;
    private final Map<String, LocalDate> joinedOn;

    /** @param joinedOn per municipality code, the day the city began (default when absent: 2021-04-01) */
    public SheetCheck(ReferralRules rules, Map<String, AgencyDirectory> directories, Map<String, LocalDate> joinedOn) {
        this.rules = rules;
        this.directories = directories;
        this.joinedOn = joinedOn == null ? Map.of() : Map.copyOf(joinedOn);
    }

    /**
     * Reads the header then every row.
     *
     * @param progress gets the number of rows checked so far, every 100 rows and at the end
     * @throws jp.tsunagu.intake.importing.sheet.SheetRefused when the file as a whole cannot be read (the reader's)
     */
    public CheckedSheet check(SheetReader sheet, String municipality, String fileSha256, LocalDate today,
                              IntConsumer progress) {
        AgencyDirectory directory = directories.get(municipality);
        if (directory == null) {
            return new CheckedSheet(0, List.of(), List.of(new RowProblem(0, "", municipality,
                    "この自治体の Tsunagu のデータがありません")), 1, 0, List.of(), false);
        }
        SheetRow first = sheet.next();
        if (first == null) {
            return new CheckedSheet(0, List.of(), List.of(new RowProblem(0, "", "", "見出しの行がありません（1行目に"
                    + "「受付日」「氏名」などの見出しを書いてください）")), 1, 0, List.of(), false);
        }
        HeaderMap header = HeaderMap.of(first);
        boolean keyed = header.has(ImportColumn.CASE_NO);
        if (!header.problems().isEmpty()) {
            return new CheckedSheet(0, List.of(), header.problems(), header.problems().size(), 0, header.ignored(),
                    keyed);
        }
        RowReader reader = new RowReader(header, directory);
        LocalDate began = joinedOn.getOrDefault(municipality, DEFAULT_JOINED_ON);
        List<ImportRow> good = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        Map<String, Integer> caseNumbers = new HashMap<>();
        int rows = 0;
        int bad = 0;
        int problemCount = 0;
        int previous = first.number();
        for (SheetRow row = sheet.next(); row != null; row = sheet.next()) {
            rows++;
            if (row.number() <= previous) { // a keyless row's key is its number: a repeat would merge two rows
                progress.accept(rows);
                return new CheckedSheet(rows, List.of(), List.of(new RowProblem(row.number(), "", "",
                        ROWS_OUT_OF_ORDER)), 1, rows, header.ignored(), keyed);
            }
            previous = row.number();
            Checked checked = checkRow(new RowInput(header, reader.read(row), row, municipality),
                    today, began, caseNumbers);
            if (checked.problems().isEmpty()) {
                good.add(checked.row(fileSha256));
            } else {
                for (RowProblem p : checked.problems()) {
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(p);
                    }
                }
                problemCount += checked.problems().size();
                bad++;
            }
            if (rows % PROGRESS_EVERY == 0) {
                progress.accept(rows);
            }
        }
        progress.accept(rows);
        return new CheckedSheet(rows, List.copyOf(good), List.copyOf(problems), problemCount, bad, header.ignored(),
                keyed);
    }

    private record RowInput(HeaderMap header, ReadRow read, SheetRow row, String municipality) {
        int number() {
            return row.number();
        }
    }

    /** A row's outcome: its problems, or what it becomes. */
    private record Checked(RowInput in, List<RowProblem> problems, ReferralRules.Result.Valid referral,
                           ImportedStages.Valid stages) {
        ImportRow row(String fileSha256) {
            ReadRow r = in.read();
            String key = r.caseNo() != null ? "no:" + r.caseNo() : "file:" + fileSha256 + "#" + in.number();
            ImportedStages.Row s = r.stages();
            return new ImportRow(in.number(), key, referral.referral(), s.status(), s.agencyId(), stages.routedOn(),
                    stages.acceptedOn(), s.planType(), s.planMadeOn(), s.closedOn(), stages.stages());
        }
    }

    private Checked checkRow(RowInput in, LocalDate today, LocalDate began, Map<String, Integer> caseNumbers) {
        ReadRow r = in.read();
        List<RowProblem> problems = new ArrayList<>(r.problems());
        if (r.caseNo() != null) {
            Integer first = caseNumbers.putIfAbsent(r.caseNo(), in.number());
            if (first != null) {
                problems.add(problem(in, ImportColumn.CASE_NO,
                        "管理番号「" + r.caseNo() + "」は" + first + "行目と同じです（管理番号は1行に1つ）"));
            }
        }
        ReferralRules.Result result = rules.check(r.request(), in.municipality(), null, today);
        if (result instanceof ReferralRules.Result.Invalid invalid) {
            for (FieldError e : invalid.errors()) {
                ImportColumn column = FieldColumns.of(e.field());
                if (column == ImportColumn.AGE && !in.header().has(ImportColumn.AGE)) {
                    column = ImportColumn.BIRTH_DATE; // 「生年月日または年齢が必要です」 at the column the sheet has
                }
                if (column == null || !r.reported().contains(column)) {
                    problems.add(column == null
                            ? new RowProblem(in.number(), "", "", ProblemJapanese.message(e.message()))
                            : problem(in, column, ProblemJapanese.message(e.message())));
                }
            }
        }
        if (r.receivedOn() != null && r.receivedOn().isBefore(began)) {
            problems.add(problem(in, ImportColumn.RECEIVED_ON, "受付日が、この市が重層的支援体制整備事業を始めた日（"
                    + Wareki.format(began) + "）より前です"));
        }
        ImportedStages.Result stages = ImportedStages.check(r.stages(), today);
        if (stages instanceof ImportedStages.Invalid invalid) {
            for (ImportedStages.Problem p : invalid.problems()) {
                ImportColumn column = ImportColumn.valueOf(p.column().name());
                if (!r.reported().contains(column)) {
                    problems.add(problem(in, column, p.reason()));
                }
            }
        }
        return new Checked(in, List.copyOf(problems), result instanceof ReferralRules.Result.Valid v ? v : null,
                stages instanceof ImportedStages.Valid v ? v : null);
    }

    private static RowProblem problem(RowInput in, ImportColumn column, String reason) {
        return new RowProblem(in.number(), in.header().name(column), in.header().cell(in.row(), column), reason);
    }
}
