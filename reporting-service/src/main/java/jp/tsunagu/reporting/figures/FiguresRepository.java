package jp.tsunagu.reporting.figures;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.contract.codes.FiscalYear;
import jp.tsunagu.reporting.projection.LiveProjection;

import java.util.List;

/** The live figures of one municipality, from the live schema's projected facts. */
@ApplicationScoped
public class FiguresRepository {

    private final LiveProjection projection;

    public FiguresRepository(LiveProjection projection) {
        this.projection = projection;
    }

    public Uni<Facts> facts(String municipality, FiscalYear from, FiscalYear to) {
        return Facts.load(projection.live(), municipality, from, to);
    }

    public Uni<List<FiscalYearFigures.Year>> years(String municipality, FiscalYear from, FiscalYear to) {
        return facts(municipality, from, to).map(f -> FiscalYearFigures.compute(from, to, f.activity()));
    }
}
