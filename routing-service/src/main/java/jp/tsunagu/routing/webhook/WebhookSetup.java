package jp.tsunagu.routing.webhook;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jp.tsunagu.routing.notice.WebhookConfig;

import java.net.InetAddress;
import java.util.List;

/** The URL policy as the city configured it, against this machine's interfaces, with the system's resolver. */
public class WebhookSetup {

    /** The system's resolver; a test may put its own name table in its place. */
    @Produces
    @Singleton
    @DefaultBean
    WebhookUrlPolicy.Resolver resolver() {
        return InetAddress::getAllByName;
    }

    @Produces
    @Singleton
    WebhookUrlPolicy policy(WebhookConfig config, WebhookUrlPolicy.Resolver resolver) {
        return new WebhookUrlPolicy(config.allowedHosts().orElse(List.of()), config.requireHttps(), resolver,
                new PublicAddresses(PublicAddresses::interfaceAddresses));
    }
}
