package jp.tsunagu.console.services;

/**
 * A service refused the request (400, 401, 403, 429): the page says what that means for her, never that the service
 * is down.
 */
public class Refused extends RuntimeException {

    private final int status;

    public Refused(int status) {
        super("refused with " + status, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
