package jp.tsunagu.routing.webhook;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.util.List;

/** The URL policy as the city configured it, resolving names with the system's resolver. */
public class WebhookSetup {

    @Produces
    @Singleton
    WebhookUrlPolicy policy(WebhookConfig config) {
        return new WebhookUrlPolicy(config.allowedHosts().orElse(List.of()), config.requireHttps(),
                InetAddress::getAllByName);
    }
}
