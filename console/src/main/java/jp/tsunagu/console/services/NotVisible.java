package jp.tsunagu.console.services;

/**
 * The service answered 404: the case does not exist or the person may not see it (the services never say which,
 * and neither does the console).
 */
public class NotVisible extends RuntimeException {

    public NotVisible() {
        super("not found or not visible", null, false, false);
    }
}
