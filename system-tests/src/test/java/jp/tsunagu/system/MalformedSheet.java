package jp.tsunagu.system;

import jp.tsunagu.contract.codes.FiscalYear;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * A {@link CaseloadSheet} with rows broken on purpose, each in one known way, between good rows: what the import must
 * report (row, column header) and, with skipBadRows, skip while it imports the good rows alone.
 *
 * @param sheet    every row, good and bad, in sheet order
 * @param good     the good rows (the first of two rows sharing a 管理番号 is good, the second bad)
 * @param problems one per bad row: its row number and the header of the column at fault
 */
record MalformedSheet(CaseloadSheet sheet, List<CaseloadSheet.SheetRow> good, List<CaseloadSheet.Problem> problems) {

    /** One way to break a row: the column at fault and what the row becomes. */
    private record Break(String column, RowKind kind, UnaryOperator<List<String>> apply) {
    }

    /** The seven breaks, in the order they appear in the sheet; {@code first} is the 管理番号 the duplicate repeats. */
    private static List<Break> breaks(String firstCaseNumber) {
        return List.of(
                new Break("受付日", RowKind.RECEIVED, set("受付日", "令和5年2月30日")), // no such day
                new Break("課題", RowKind.RECEIVED, set("課題", "認知症、借金苦")), // not a concern's label
                new Break("地区", RowKind.RECEIVED, set("地区", "博多")), // Fukuoka's, not Kurume's
                new Break("受付日", RowKind.RECEIVED, set("受付日", "令和3年3月31日")), // before art. 106-4 (2021-04-01)
                new Break("相談内容", RowKind.RECEIVED, set("相談内容", "=SUM(A1)")), // formula injection
                new Break("終結日", RowKind.CLOSED_MULTI_AGENCY, set("終結日", "")), // 終結 without its day
                new Break("管理番号", RowKind.ACCEPTED, set("管理番号", firstCaseNumber))); // the same number twice
    }

    private static UnaryOperator<List<String>> set(String header, String value) {
        return cells -> {
            List<String> changed = new ArrayList<>(cells);
            changed.set(CaseloadSheet.HEADERS.indexOf(header), value);
            return List.copyOf(changed);
        };
    }

    /** {@code goodRows} good rows with the seven bad ones spread among them (goodRows ≥ 8). */
    static MalformedSheet of(String prefix, FiscalYear year, int goodRows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CaseloadSheet.SheetRow> rows = new ArrayList<>();
        List<CaseloadSheet.SheetRow> good = new ArrayList<>();
        List<CaseloadSheet.Problem> problems = new ArrayList<>();
        List<Break> breaks = breaks(prefix + "00001");
        int every = goodRows / breaks.size();
        int goodMade = 0;
        for (int i = 0; goodMade < goodRows || problems.size() < breaks.size(); i++) {
            boolean bad = problems.size() < breaks.size() && goodMade >= every * (problems.size() + 1)
                    || goodMade == goodRows;
            if (bad) {
                Break b = breaks.get(problems.size());
                CaseloadSheet.SheetRow r = CaseloadSheet.row(prefix, year, i, b.kind(), random, seed);
                CaseloadSheet.SheetRow broken = new CaseloadSheet.SheetRow(r.number(), b.apply().apply(r.cells()),
                        r.kind());
                rows.add(broken);
                problems.add(new CaseloadSheet.Problem(broken.number(), b.column()));
            } else {
                CaseloadSheet.SheetRow r = CaseloadSheet.row(prefix, year, i,
                        RowKind.MIX.get(goodMade % RowKind.MIX.size()), random, seed);
                rows.add(r);
                good.add(r);
                goodMade++;
            }
        }
        return new MalformedSheet(new CaseloadSheet(prefix, year, List.copyOf(rows)), List.copyOf(good),
                List.copyOf(problems));
    }

    /** What importing the good rows alone must create. */
    SheetCounts goodCounts() {
        return SheetCounts.of(sheet.year(), good.stream().map(CaseloadSheet.SheetRow::kind).toList());
    }
}
