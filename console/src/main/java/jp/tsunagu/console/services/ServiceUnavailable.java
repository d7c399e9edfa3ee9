package jp.tsunagu.console.services;

/** A service did not answer, or answered that it cannot now: the page says which, and nothing typed is lost. */
public class ServiceUnavailable extends RuntimeException {

    private final Service service;

    public ServiceUnavailable(Service service, Throwable cause) {
        super(service.name() + " unavailable", cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
