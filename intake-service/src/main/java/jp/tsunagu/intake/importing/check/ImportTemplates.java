package jp.tsunagu.intake.importing.check;

import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a city downloads to fill in: every column's header, one example row, and (in the .xlsx) drop-down lists of
 * the labels on a sheet 「選択肢」 that also lists the city's areas and agencies. The labels are the contract's own,
 * so a filled template reads back without a problem.
 */
public final class ImportTemplates {

    /** The rows the drop-down lists cover (the import reads at most 100,000 rows). */
    static final int VALIDATED_ROWS = 100_000;
    static final String DATA_SHEET = "台帳";
    static final String CHOICES_SHEET = "選択肢";

    private ImportTemplates() {
    }

    /** The header row, an example row, drop-down lists, and the sheet 「選択肢」. */
    public static byte[] xlsx(AgencyDirectory directory) {
        Map<String, List<String>> choices = choices(directory);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "Tsunagu", "1.0")) {
            Worksheet sheet = wb.newWorksheet(DATA_SHEET);
            Worksheet lists = wb.newWorksheet(CHOICES_SHEET);
            ImportColumn[] columns = ImportColumn.values();
            List<String> example = example(directory);
            for (int c = 0; c < columns.length; c++) {
                sheet.value(0, c, columns[c].header());
                sheet.style(0, c).bold().fillColor("DDEBF7").set();
                sheet.width(c, 14);
                LocalDate day = isDateColumn(columns[c]) ? CellDates.parse(example.get(c)).orElse(null) : null;
                if (day != null) {
                    sheet.value(1, c, day);
                    sheet.style(1, c).format("yyyy/mm/dd").set();
                } else {
                    sheet.value(1, c, example.get(c));
                }
            }
            sheet.comment(0, ImportColumn.CONCERNS.ordinal(), "複数のときは「、」で区切ります（例: ひきこもり、8050問題）。"
                    + "使える名前は「選択肢」シートにあります");
            sheet.comment(0, ImportColumn.REFERRER.ordinal(), "市の窓口で受け付けたときは空欄にし、相談経路を書きます");
            sheet.freezePane(0, 1);
            int c = 0;
            for (Map.Entry<String, List<String>> list : choices.entrySet()) {
                lists.value(0, c, list.getKey());
                lists.style(0, c).bold().set();
                lists.width(c, 24);
                for (int r = 0; r < list.getValue().size(); r++) {
                    lists.value(r + 1, c, list.getValue().get(r));
                }
                ImportColumn target = dropDown(list.getKey());
                if (target != null && !list.getValue().isEmpty()) {
                    sheet.range(1, target.ordinal(), VALIDATED_ROWS, target.ordinal())
                            .validateWithList(lists.range(1, c, list.getValue().size(), c))
                            .allowBlank(true).showErrorMessage(true)
                            .errorStyle(target == ImportColumn.AGENCY || target == ImportColumn.AREA
                                    ? DataValidationErrorStyle.WARNING : DataValidationErrorStyle.STOP)
                            .errorTitle("選択肢にない値です").error("「選択肢」シートの名前から選んでください");
                }
                c++;
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** UTF-8 with a BOM (so Excel opens it as UTF-8), the header and an example row, CRLF line ends. */
    public static byte[] csv() {
        return csv(null);
    }

    /** As {@link #csv()}, the example row naming one of the city's areas and agencies. */
    public static byte[] csv(AgencyDirectory directory) {
        StringBuilder b = new StringBuilder("\uFEFF");
        List<String> headers = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            headers.add(c.header());
        }
        b.append(line(headers)).append(line(example(directory)));
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The lists of the 「選択肢」 sheet, each under its header. */
    static Map<String, List<String>> choices(AgencyDirectory directory) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        lists.put("課題", Labels.CONCERN.labels());
        lists.put("状態", Labels.STATUS.labels());
        lists.put("同意", Labels.CONSENT.labels());
        lists.put("プラン種別", Labels.PLAN_TYPE.labels());
        lists.put("相談経路", Labels.CHANNEL.labels());
        lists.put("緊急度", Labels.URGENCY.labels());
        lists.put("地区", directory.areas());
        lists.put("機関", directory.agencies().stream().map(Agency::name).toList());
        return lists;
    }

    /** Which column a list is offered in as a drop-down (課題 is not: a cell may list several). */
    private static ImportColumn dropDown(String list) {
        return switch (list) {
            case "状態" -> ImportColumn.STATUS;
            case "同意" -> ImportColumn.CONSENT;
            case "プラン種別" -> ImportColumn.PLAN_TYPE;
            case "相談経路" -> ImportColumn.CHANNEL;
            case "緊急度" -> ImportColumn.URGENCY;
            case "地区" -> ImportColumn.AREA;
            case "機関" -> ImportColumn.AGENCY;
            default -> null;
        };
    }

    private static boolean isDateColumn(ImportColumn c) {
        return switch (c) {
            case RECEIVED_ON, ROUTED_ON, ACCEPTED_ON, PLAN_MADE_ON, CLOSED_ON -> true;
            default -> false;
        };
    }

    /** One case as a city would write it: received at an agency, routed and accepted (the names are examples). */
    static List<String> example(AgencyDirectory directory) {
        String area = directory == null || directory.areas().isEmpty() ? "（市の地区名）" : directory.areas().getFirst();
        String agency = directory == null || directory.agencies().isEmpty() ? "（機関名）"
                : directory.agencies().getFirst().name();
        Map<ImportColumn, String> row = Map.ofEntries(
                Map.entry(ImportColumn.CASE_NO, "2024-0001"), Map.entry(ImportColumn.RECEIVED_ON, "2024-05-14"),
                Map.entry(ImportColumn.NAME, "（例）山田 太郎"), Map.entry(ImportColumn.KANA, "やまだ たろう"),
                Map.entry(ImportColumn.BIRTH_DATE, "昭和47年4月2日"), Map.entry(ImportColumn.AREA, area),
                Map.entry(ImportColumn.SUMMARY, "（例）仕事を辞めてから家にこもりがち。母（80代）の介護も心配"),
                Map.entry(ImportColumn.CONCERNS, "ひきこもり、8050問題"), Map.entry(ImportColumn.REFERRER, agency),
                Map.entry(ImportColumn.CHANNEL, "相談支援機関から"), Map.entry(ImportColumn.AGENCY, agency),
                Map.entry(ImportColumn.CONSENT, "同意あり"), Map.entry(ImportColumn.URGENCY, "通常"),
                Map.entry(ImportColumn.STATUS, "受入"), Map.entry(ImportColumn.ROUTED_ON, "2024-05-15"),
                Map.entry(ImportColumn.ACCEPTED_ON, "2024-05-17"));
        List<String> cells = new ArrayList<>();
        for (ImportColumn c : ImportColumn.values()) {
            cells.add(row.getOrDefault(c, ""));
        }
        return cells;
    }

    private static String line(List<String> cells) {
        List<String> quoted = new ArrayList<>();
        for (String cell : cells) {
            quoted.add(cell.matches(".*[\",\r\n].*") ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell);
        }
        return String.join(",", quoted) + "\r\n";
    }
}
