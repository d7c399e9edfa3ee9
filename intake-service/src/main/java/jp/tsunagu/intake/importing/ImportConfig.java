package jp.tsunagu.intake.importing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jp.tsunagu.intake.importing.sheet.ImportLimits;

import java.time.LocalDate;
import java.util.Map;

/** {@code tsunagu.import.*}: what a caseload sheet may be (POST /imports) and since when each city's cases count. */
@ConfigMapping(prefix = "tsunagu.import")
public interface ImportConfig {

    /**
     * The day each city (by municipality code) began 重層的支援体制整備事業: a 受付日 before it is a problem. A city
     * not named here: 2021-04-01, when art. 106-4 of the Social Welfare Act came into force.
     */
    Map<String, LocalDate> joinedOn();

    /** The largest file accepted (413 above; intake's quarkus.http.limits.max-body-size must be at least this). */
    @WithDefault("52428800")
    long maxBytes();

    /** The largest an .xlsx may become once unzipped (a zip bomb is refused). */
    @WithDefault("209715200")
    long maxInflatedBytes();

    @WithDefault("100000")
    int maxRows();

    @WithDefault("200")
    int maxColumns();

    @WithDefault("10000")
    int maxCellChars();

    /** The body limit of every other intake request (the one all services share); only POST /imports takes more. */
    @WithDefault("65536")
    long otherRequestsMaxBytes();

    default ImportLimits limits() {
        return new ImportLimits(maxBytes(), maxInflatedBytes(), maxRows(), maxColumns(), maxCellChars());
    }
}
