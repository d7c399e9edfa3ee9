package jp.tsunagu.bench;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One person signed in to the staff console without a browser, with her own cookies: the code flow by hand (the
 * console sends her to her city's login page, the form is posted with her demo password, the redirects lead back with
 * the session cookie). Coordinators and analysts then give their second factor: at the first sign-in Keycloak's
 * "configure OTP" page, read in its manual mode (the key as a person types it into an app), and a code computed from
 * that key; at a later one, a code in the OTP form.
 */
final class ConsoleSession {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" id=\"[^\"]*\" name=\"([^\"]*)\" value=\"([^\"]*)\"");
    private static final Pattern MANUAL = Pattern.compile("href=\"([^\"]*)\" id=\"mode-manual\"");
    private static final Pattern SHOWN_KEY = Pattern.compile("<span id=\"kc-totp-secret-key\">([^<]*)</span>");
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]*)\"");
    static final Pattern CASE_LINK = Pattern.compile("href=\"(/\\d{6}/cases/[^\"/?]+)\"");

    private final URI console;
    private final String municipality;
    private final HttpClient http;
    /** The authenticator app's key once she enrolled one in this session (a later sign-in types its code). */
    private byte[] appKey;

    ConsoleSession(URI console, String municipality) {
        this.console = console;
        this.municipality = municipality;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).cookieHandler(new LoopbackCookies())
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** The code flow, as a browser would follow it, with the second factor when the realm asks for it. */
    void signIn(String user, String password) throws Exception {
        HttpResponse<String> login = get(page("/"));
        HttpResponse<String> r = post(formAction(login, "kc-form-login"), Map.of("username", user,
                "password", password, "credentialId", ""));
        for (int step = 0; step < 3 && !atConsole(r); step++) {
            if (r.body().contains("id=\"kc-totp-settings-form\"")) {
                r = enrolApp(r);
            } else if (r.body().contains("id=\"kc-otp-login-form\"")) {
                if (appKey == null) {
                    throw new IllegalStateException(user + " is asked for a code but enrolled no app in this run: "
                            + "bench/run starts from a new realm");
                }
                // the next step's code: the one that enrolled the app may not be used twice
                r = post(formAction(r, "kc-otp-login-form"), Map.of("otp", Totp.code(appKey, 1)));
            } else {
                break;
            }
        }
        if (!atConsole(r)) {
            throw new IllegalStateException("sign-in of " + user + " did not lead back to the console: "
                    + r.statusCode() + " at " + r.uri());
        }
    }

    /** Keycloak's "configure OTP" page: its manual mode shows the key; the form takes a code and a device name. */
    private HttpResponse<String> enrolApp(HttpResponse<String> r) throws Exception {
        Matcher shown = SHOWN_KEY.matcher(r.body());
        if (!shown.find()) {
            Matcher manual = MANUAL.matcher(r.body());
            if (!manual.find()) {
                throw new IllegalStateException("the OTP enrolment page has neither the key nor its manual mode");
            }
            r = get(r.uri().resolve(unescape(manual.group(1))));
            shown = SHOWN_KEY.matcher(r.body());
            if (!shown.find()) {
                throw new IllegalStateException("the OTP enrolment page in manual mode shows no key at " + r.uri());
            }
        }
        appKey = Totp.base32(shown.group(1).strip());
        Map<String, String> fields = new LinkedHashMap<>();
        HIDDEN.matcher(r.body()).results().forEach(h -> fields.put(h.group(1), unescape(h.group(2))));
        fields.put("totp", Totp.code(appKey, 0));
        fields.put("userLabel", "性能測定");
        return post(formAction(r, "kc-totp-settings-form"), fields);
    }

    private boolean atConsole(HttpResponse<String> r) {
        return r.statusCode() == 200 && r.uri().getPort() == console.getPort()
                && r.uri().getPath().startsWith("/" + municipality);
    }

    /** The action of the form with this id on the page, resolved against the page's address. */
    private static URI formAction(HttpResponse<String> r, String formId) {
        Matcher form = FORM.matcher(r.body());
        while (form.find()) {
            Matcher action = ACTION.matcher(form.group());
            if (form.group().contains("id=\"" + formId + "\"") && action.find()) {
                return r.uri().resolve(unescape(action.group(1)));
            }
        }
        throw new IllegalStateException("no form " + formId + " at " + r.uri() + " (" + r.statusCode() + ")");
    }

    /** The CSRF token of her session, from a page with a form. */
    String csrf(String path) throws Exception {
        Matcher token = CSRF.matcher(get(page(path)).body());
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + path);
        }
        return token.group(1);
    }

    /** A case the signed-in person may open: the first linked from her inbox, her referrals or her caseload. */
    String aCase() throws Exception {
        for (String list : List.of("/inbox?state=all", "/inbox", "/referrals", "/caseload")) {
            Matcher link = CASE_LINK.matcher(get(page(list)).body());
            if (link.find()) {
                return link.group(1).substring(("/" + municipality).length());
            }
        }
        throw new IllegalStateException("no case linked from the inbox, referrals or caseload: ./tsunagu seed-history?");
    }

    URI page(String path) {
        return console.resolve("/" + municipality + path);
    }

    URI raw(String path) {
        return console.resolve(path);
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A form posted as a browser posts it (with its Origin; the console refuses another site's). */
    HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", uri.getScheme() + "://" + uri.getRawAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&#61;", "=").replace("&quot;", "\"");
    }

    /**
     * The local run is plain HTTP on loopback, where a browser still keeps cookies marked Secure (loopback counts as
     * a secure context); java.net's cookie store would drop them, so the mark is taken off before they are stored.
     */
    private static final class LoopbackCookies extends CookieManager {

        LoopbackCookies() {
            super(null, CookiePolicy.ACCEPT_ALL);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> kept = new HashMap<>();
            headers.forEach((k, v) -> kept.put(k, k != null && k.equalsIgnoreCase("Set-Cookie")
                    ? v.stream().map(c -> c.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : v));
            super.put(uri, kept);
        }
    }
}
