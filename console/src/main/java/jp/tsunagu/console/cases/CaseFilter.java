package jp.tsunagu.console.cases;

import jp.tsunagu.console.services.CaseQuery;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.QueryParam;

/**
 * The filters of 案件一覧 as the form sends them (a GET form, so a filtered list is a link she can keep): blank
 * inputs are no filter. Checking the values is intake's; a refused one comes back as a field error.
 */
@TemplateData
public class CaseFilter {

    @QueryParam("status") String status;
    @QueryParam("track") String track;
    @QueryParam("field") String field;
    @QueryParam("concern") String concern;
    @QueryParam("area") String area;
    @QueryParam("agency") String agency;
    @QueryParam("urgency") String urgency;
    @QueryParam("overdue") String overdue;
    @QueryParam("receivedFrom") String receivedFrom;
    @QueryParam("receivedTo") String receivedTo;
    @QueryParam("fiscalYear") String fiscalYear;
    @QueryParam("caseNumber") String caseNumber;
    /** 氏名を表示: each list read with names is audited by intake. */
    @QueryParam("names") String names;
    @QueryParam("cursor") String cursor;

    public String status() { return blankToNull(status); }
    public String track() { return blankToNull(track); }
    public String field() { return blankToNull(field); }
    public String concern() { return blankToNull(concern); }
    public String area() { return blankToNull(area); }
    public String agency() { return blankToNull(agency); }
    public String urgency() { return blankToNull(urgency); }
    public String receivedFrom() { return blankToNull(receivedFrom); }
    public String receivedTo() { return blankToNull(receivedTo); }
    public String fiscalYear() { return blankToNull(fiscalYear); }
    public String caseNumber() { return blankToNull(caseNumber); }
    public String cursor() { return blankToNull(cursor); }

    /** Only overdue cases, or no filter (never "not overdue": the form has one box). */
    public Boolean overdueOnly() {
        return "on".equals(overdue) || "true".equals(overdue) ? Boolean.TRUE : null;
    }

    public Boolean names() {
        return "on".equals(names) || "true".equals(names) ? Boolean.TRUE : null;
    }

    /** This filter as intake's query, a page of {@code limit} cases from the cursor. */
    public CaseQuery toQuery(int limit) {
        return new CaseQuery(status(), track(), field(), concern(), area(), agency(), urgency(), overdueOnly(),
                receivedFrom(), receivedTo(), fiscalYear(), caseNumber(), names(), limit, cursor());
    }

    /** This filter as a query string (for the next page's link), without the cursor. */
    public String query() {
        StringBuilder q = new StringBuilder();
        add(q, "status", status());
        add(q, "track", track());
        add(q, "field", field());
        add(q, "concern", concern());
        add(q, "area", area());
        add(q, "agency", agency());
        add(q, "urgency", urgency());
        add(q, "overdue", overdueOnly() == null ? null : "on");
        add(q, "receivedFrom", receivedFrom());
        add(q, "receivedTo", receivedTo());
        add(q, "fiscalYear", fiscalYear());
        add(q, "caseNumber", caseNumber());
        add(q, "names", names() == null ? null : "on");
        return q.toString();
    }

    private static void add(StringBuilder q, String name, String value) {
        if (value != null) {
            q.append(q.isEmpty() ? "" : "&").append(name).append('=')
                    .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
