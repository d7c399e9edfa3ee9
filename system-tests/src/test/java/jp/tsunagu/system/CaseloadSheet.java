package jp.tsunagu.system;

import jp.tsunagu.contract.codes.CaseStatus;
import jp.tsunagu.contract.codes.Concern;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.contract.codes.PlanType;
import jp.tsunagu.contract.codes.Wareki;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;
import jp.tsunagu.contract.directory.AgencyRole;
import jp.tsunagu.contract.directory.Directories;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A city's caseload list (台帳) of one fiscal year for Kurume (402036), as a city keeps it in Excel: a 管理番号 of its
 * own, 和暦 dates (some in full-width digits), labels rather than codes, agencies by name, a column the import does
 * not know (備考). Deterministic: the same prefix, year, size and seed give the same bytes. The expected outcome
 * ({@link SheetCounts}) is counted here from what each row says it went through, not asked of the services.
 *
 * @param prefix every 管理番号 starts with it, so that two sheets never share a row key
 * @param rows   the data rows in sheet order
 */
record CaseloadSheet(String prefix, FiscalYear year, List<SheetRow> rows) {

    static final String CITY = "402036";
    /** The header is the sheet's row 1 (Excel's numbering, as a coordinator finds a row); data start at row 2. */
    static final int FIRST_DATA_ROW = 2;
    /** The sheet's columns in order; 備考 is not an import column (the report lists it as ignored). */
    static final List<String> HEADERS = List.of("管理番号", "受付日", "氏名", "ふりがな", "生年月日", "年齢", "住所", "地区",
            "相談内容", "課題", "紹介元", "相談経路", "担当機関", "同意", "緊急度", "状態", "つなぎ日", "受入日", "プラン種別",
            "作成日", "終結日", "備考");
    static final Charset CP932 = Charset.forName("windows-31j");
    static final AgencyDirectory DIRECTORY = Directories.load(Optional.empty()).get(CITY);

    /** The cells of one row (in {@link #HEADERS} order) and what the row says the case went through. */
    record SheetRow(int number, List<String> cells, RowKind kind) {
        String cell(String header) {
            return cells.get(HEADERS.indexOf(header));
        }

        String caseNumber() {
            return cell("管理番号");
        }

        /** The case the import makes of this row: the spec's deterministic id for a row with a 管理番号. */
        String caseId() {
            return UUID.nameUUIDFromBytes(("import|" + CITY + "|no:" + caseNumber()).getBytes(StandardCharsets.UTF_8))
                    .toString();
        }

        LocalDate date(String header) {
            return Wareki.parse(cell(header)).orElse(null);
        }
    }

    /** A row written on purpose with one known problem: its row number and the header of the column at fault. */
    record Problem(int row, String column) {
    }

    /** A good sheet of {@code size} rows, every date in {@code year}. */
    static CaseloadSheet of(String prefix, FiscalYear year, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SheetRow> rows = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            rows.add(row(prefix, year, i, RowKind.MIX.get(i % RowKind.MIX.size()), random, seed));
        }
        return new CaseloadSheet(prefix, year, List.copyOf(rows));
    }

    /** What the import must count for these rows (all of them good). */
    SheetCounts counts() {
        return SheetCounts.of(year, rows.stream().map(SheetRow::kind).toList());
    }

    /** The sheet as CSV (CRLF, quoted where needed) in the charset; fails rather than write a '?' for a character. */
    byte[] csv(Charset charset) {
        StringBuilder text = new StringBuilder();
        line(text, HEADERS);
        rows.forEach(r -> line(text, r.cells()));
        try {
            ByteBuffer b = charset.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("the sheet has a character " + charset + " cannot write", e);
        }
    }

    /** The sheet as .xlsx: ISO dates as Excel date cells (as a city's typed dates are), everything else as text. */
    byte[] xlsx() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "tsunagu-system-test", "1.0")) {
            org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("台帳");
            for (int c = 0; c < HEADERS.size(); c++) {
                ws.value(0, c, HEADERS.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> cells = rows.get(r).cells();
                for (int c = 0; c < cells.size(); c++) {
                    String v = cells.get(c);
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        ws.value(r + 1, c, LocalDate.parse(v));
                        ws.style(r + 1, c).format("yyyy/mm/dd").set();
                    } else {
                        ws.value(r + 1, c, v);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String v = cells.get(c);
            if (c > 0) {
                text.append(',');
            }
            text.append(v.matches(".*[,\"\r\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
        }
        text.append("\r\n");
    }

    // --- the rows ---------------------------------------------------------------------------------------------------

    private static final String[] FAMILY = {"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤",
            "吉田", "山田", "松本", "井上", "木村", "林", "古賀", "堤", "江口", "野田"};
    private static final String[] FAMILY_KANA = {"さとう", "すずき", "たかはし", "たなか", "わたなべ", "いとう", "やまもと",
            "なかむら", "こばやし", "かとう", "よしだ", "やまだ", "まつもと", "いのうえ", "きむら", "はやし", "こが", "つつみ",
            "えぐち", "のだ"};
    /** Syllables the given names are spelled from, so that every row of every sheet has its own kana. */
    private static final String[] SYLLABLES = {"あ", "い", "え", "か", "き", "け", "こ", "さ", "し", "す", "せ", "そ", "た",
            "ち", "と", "な", "の", "は", "ひ", "ふ", "ほ", "ま", "み", "む", "め", "も", "や", "ゆ", "よ", "ら", "り", "る",
            "れ", "ろ", "わ", "じ", "ぞ", "だ", "ど", "ぶ"};
    /** Concerns a row may name: every one but 妊娠・出産, whose label holds the list separator ・. */
    private static final List<Concern> CONCERNS = java.util.Arrays.stream(Concern.values())
            .filter(c -> !c.label().contains("・")).toList();
    private static final String[] CONCERN_SEPARATORS = {"、", "、", "，", "・", "/"};
    private static final String[] CONSENT = {"同意あり", "あり", "有", "済", "同意なし", "なし", "未確認"};
    private static final String[] CHANNELS = {"来所", "電話", "アウトリーチ", "支援会議から"};
    private static final String[] CITY_DESK = {"", "市", "市役所", "市の窓口"};
    private static final String[] SUMMARIES = {"家計が苦しく、滞納が続いている", "親の介護と子育てが重なっている",
            "長く自宅から出ていない", "近所との関わりがなく、困りごとを話せる人がいない", "住まいを失うおそれがある",
            "学校を休みがちで、家族の世話をしている"};

    static SheetRow row(String prefix, FiscalYear year, int index, RowKind kind, SplittableRandom random, long seed) {
        List<String> cells = new ArrayList<>(java.util.Collections.nCopies(HEADERS.size(), ""));
        CellWriter w = new CellWriter(cells);
        w.put("管理番号", prefix + "%05d".formatted(index + 1));
        // every date of the row inside the year: 受付 + at most 5 + 7 + 20 + 20 days, 352 < 365
        LocalDate received = year.start().plusDays(random.nextInt(300));
        LocalDate routed = received.plusDays(random.nextInt(6));
        LocalDate accepted = routed.plusDays(random.nextInt(8));
        LocalDate made = (kind.accepted ? accepted : routed).plusDays(1 + random.nextInt(20));
        LocalDate closed = made.plusDays(1 + random.nextInt(20));
        w.put("受付日", date(received, random));
        int family = index % FAMILY.length;
        String given = given(index, seed);
        w.put("氏名", FAMILY[family] + " " + given);
        w.put("ふりがな", FAMILY_KANA[family] + " " + given);
        int age = 20 + random.nextInt(71);
        if (random.nextInt(5) < 3) {
            w.put("生年月日", date(received.minusYears(age).minusDays(1 + random.nextInt(300)), random));
        } else {
            w.put("年齢", random.nextBoolean() ? String.valueOf(age) : fullWidth(String.valueOf(age)));
        }
        String area = DIRECTORY.areas().get(random.nextInt(DIRECTORY.areas().size()));
        w.put("住所", "久留米市" + area + "町" + fullWidthSometimes((1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20)),
                random));
        w.put("地区", area);
        w.put("相談内容", SUMMARIES[random.nextInt(SUMMARIES.length)]);
        List<String> concerns = new ArrayList<>();
        for (int c = random.nextInt(3); c >= 0; c--) {
            String label = CONCERNS.get(random.nextInt(CONCERNS.size())).label();
            if (!concerns.contains(label)) {
                concerns.add(label);
            }
        }
        w.put("課題", String.join(CONCERN_SEPARATORS[random.nextInt(CONCERN_SEPARATORS.length)], concerns));
        List<Agency> consultation = agencies(AgencyRole.CONSULTATION, area);
        if (random.nextBoolean()) {
            w.put("紹介元", consultation.get(random.nextInt(consultation.size())).name());
        } else {
            w.put("紹介元", CITY_DESK[random.nextInt(CITY_DESK.length)]);
            w.put("相談経路", CHANNELS[random.nextInt(CHANNELS.length)]);
        }
        w.put("同意", CONSENT[random.nextInt(CONSENT.length)]);
        int urgency = random.nextInt(10);
        w.put("緊急度", urgency < 6 ? "" : urgency < 9 ? "通常" : "至急");
        w.put("状態", kind.status.label());
        if (kind.agencyRole != null) {
            List<Agency> candidates = kind.agencyRole == AgencyRole.CONSULTATION ? consultation
                    : agencies(kind.agencyRole, area);
            w.put("担当機関", candidates.get(random.nextInt(candidates.size())).name());
        }
        if (kind.hand != RowKind.Hand.BY_RULES && random.nextInt(4) > 0) { // else つなぎ日 is 受付日, as the spec says
            w.put("つなぎ日", date(routed, random));
        }
        if (kind.accepted && random.nextInt(4) > 0) {
            w.put("受入日", date(accepted, random));
        } else if (kind.accepted) {
            made = routed.plusDays(1 + random.nextInt(20)); // 受入日 defaults to つなぎ日
            closed = made.plusDays(1 + random.nextInt(20));
        }
        if (kind.planType != null) {
            String label = kind.planType.label();
            w.put("プラン種別", random.nextInt(3) == 0 ? label.replace("プラン", "") : label);
            w.put("作成日", date(made, random));
        }
        if (kind.closed) {
            w.put("終結日", date(closed, random));
        }
        if (random.nextInt(7) == 0) {
            w.put("備考", "電話は夕方がよい");
        }
        return new SheetRow(FIRST_DATA_ROW + index, List.copyOf(cells), kind);
    }

    private record CellWriter(List<String> cells) {
        void put(String header, String value) {
            cells.set(HEADERS.indexOf(header), value);
        }
    }

    /** The active agencies of a role that cover the area (outreach and participation cover the whole city). */
    static List<Agency> agencies(AgencyRole role, String area) {
        List<Agency> found = DIRECTORY.agencies().stream()
                .filter(a -> a.role() == role && a.isActive() && a.covers(area)).toList();
        if (found.isEmpty()) {
            throw new IllegalStateException("the directory has no " + role + " agency for " + area);
        }
        return found;
    }

    /** A date as a city writes it: mostly 和暦, some in full-width digits, some ISO, some R7.5.3. */
    static String date(LocalDate d, SplittableRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> d.toString();
            case 1 -> fullWidth(Wareki.format(d));
            // the short form R7.5.3 exists for 令和 only (a birth date of 昭和 stays written out)
            case 2 -> d.isBefore(LocalDate.of(2019, 5, 1)) ? Wareki.format(d)
                    : "R" + (d.getYear() - 2018) + "." + d.getMonthValue() + "." + d.getDayOfMonth();
            default -> Wareki.format(d);
        };
    }

    private static String fullWidthSometimes(String text, SplittableRandom random) {
        return random.nextInt(3) == 0 ? fullWidth(text) : text;
    }

    /** ０-９ for 0-9 and the full-width hyphen-minus for '-' (NFKC gives the ASCII back). */
    static String fullWidth(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) ('０' + (c - '0')) : c == '-' ? '－' : c);
        }
        return b.toString();
    }

    /** Five syllables from the row's index and the sheet's seed: no two rows of sheets of seeds 0-96 share one. */
    private static String given(int index, long seed) {
        long n = index + (seed % 97) * 1_000_003L;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            b.append(SYLLABLES[(int) (n % SYLLABLES.length)]);
            n /= SYLLABLES.length;
        }
        return b.toString();
    }
}
