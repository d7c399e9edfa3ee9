package jp.tsunagu.routing.webhook;

import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The module tests' resolver, in place of the system's: names under {@code .rebinding.test} are answered from a
 * table a test changes (a DNS answer that changes between a subscription and a delivery), every other name by the
 * system. Never asks a DNS server for the table's names.
 */
@Singleton
public class TableResolver implements WebhookUrlPolicy.Resolver {

    public static final String DOMAIN = ".rebinding.test";
    public static final Map<String, String> NAMES = new ConcurrentHashMap<>();

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (!host.endsWith(DOMAIN)) {
            return InetAddress.getAllByName(host);
        }
        String address = NAMES.get(host);
        if (address == null) {
            throw new UnknownHostException("not in the test's table");
        }
        return new InetAddress[] {InetAddress.getByName(address)};
    }
}
