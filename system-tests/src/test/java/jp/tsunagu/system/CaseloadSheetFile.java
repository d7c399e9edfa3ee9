package jp.tsunagu.system;

import jp.tsunagu.contract.codes.FiscalYear;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a generated {@link CaseloadSheet} to files, for bench/import and for a person who wants to look at one:
 * {@code java -cp … jp.tsunagu.system.CaseloadSheetFile DIR ROWS FISCAL_YEAR PREFIX [SEED]} writes DIR/PREFIX.csv
 * (CP932), DIR/PREFIX.xlsx and DIR/PREFIX.counts.json (what the import must count, as {@code wouldCreate}).
 */
public final class CaseloadSheetFile {

    private CaseloadSheetFile() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: CaseloadSheetFile DIR ROWS FISCAL_YEAR(R7) PREFIX [SEED]");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        CaseloadSheet sheet = CaseloadSheet.of(args[3], FiscalYear.parse(args[2]), Integer.parseInt(args[1]),
                args.length > 4 ? Long.parseLong(args[4]) : 1);
        Files.write(dir.resolve(args[3] + ".csv"), sheet.csv(CaseloadSheet.CP932));
        Files.write(dir.resolve(args[3] + ".xlsx"), sheet.xlsx());
        Files.writeString(dir.resolve(args[3] + ".counts.json"),
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(sheet.counts().wouldCreate()));
        System.out.println(dir.resolve(args[3] + ".csv"));
    }
}
