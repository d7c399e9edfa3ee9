package jp.tsunagu.infra.identity;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.tsunagu.contract.directory.Agency;
import jp.tsunagu.contract.directory.AgencyDirectory;

import java.util.ArrayList;
import java.util.List;

import static jp.tsunagu.infra.identity.RealmGenerator.JSON;
import static jp.tsunagu.infra.identity.RealmNames.AGENCIES_GROUP;
import static jp.tsunagu.infra.identity.RealmNames.ANALYST;
import static jp.tsunagu.infra.identity.RealmNames.COORDINATOR;
import static jp.tsunagu.infra.identity.RealmNames.MEETING_MEMBER;
import static jp.tsunagu.infra.identity.RealmNames.PORTAL;
import static jp.tsunagu.infra.identity.RealmNames.PORTAL_CLIENT;
import static jp.tsunagu.infra.identity.RealmNames.STAFF_GROUP;

/**
 * A realm's users: the service accounts of its system clients (an agency's in the agency's group, so its tokens name
 * the agency), and in the local run the demo people. Production has no people: the city's administrator adds them,
 * or federates the city's directory.
 */
final class RealmUsers {

    /** How many agencies of a directory get a demo staff member in the local run. */
    static final int DEMO_AGENCIES = 3;

    /** A demo person of the local run. */
    record DemoUser(String username, String lastName, String firstName, String group, String role) {
    }

    private RealmUsers() {
    }

    static ArrayNode users(AgencyDirectory directory, Profile profile, LocalSecrets secrets) {
        String code = directory.municipality();
        ArrayNode users = JSON.createArrayNode();
        serviceAccount(users, PORTAL_CLIENT).putArray("realmRoles").add(PORTAL);
        for (Agency agency : directory.agencies()) {
            users.add(agencyServiceAccount(agency));
        }
        if (profile == Profile.LOCAL) {
            for (String role : RealmNames.LOCAL_ROLES) {
                serviceAccount(users, RealmNames.localClient(role)).putArray("realmRoles").add(role);
            }
            for (DemoUser demo : demoUsers(directory)) {
                users.add(demoUser(code, demo, secrets.demoPassword(code, demo.username())));
            }
        }
        return users;
    }

    /** The service account of an agency's client, a member of the agency's group. */
    static ObjectNode agencyServiceAccount(Agency agency) {
        ObjectNode user = serviceAccount(JSON.createArrayNode(), RealmNames.agencyClient(agency.id()));
        user.putArray("groups").add("/" + AGENCIES_GROUP + "/" + agency.id());
        return user;
    }

    /** The local run's demo people: one per staff role, and staff of the directory's first agencies. */
    static List<DemoUser> demoUsers(AgencyDirectory directory) {
        List<DemoUser> demo = new ArrayList<>();
        demo.add(new DemoUser("coordinator", "見本", "調整担当", staffPath(COORDINATOR), COORDINATOR));
        demo.add(new DemoUser("analyst", "見本", "分析担当", staffPath(ANALYST), ANALYST));
        demo.add(new DemoUser("member", "見本", "会議委員", staffPath(MEETING_MEMBER), MEETING_MEMBER));
        List<Agency> agencies = directory.agencies();
        for (int i = 0; i < Math.min(DEMO_AGENCIES, agencies.size()); i++) {
            String id = agencies.get(i).id();
            demo.add(new DemoUser("staff-" + id, "見本", "相談員" + (i + 1), "/" + AGENCIES_GROUP + "/" + id,
                    RealmNames.AGENCY));
        }
        return demo;
    }

    static ObjectNode demoUser(String code, DemoUser demo, String password) {
        ObjectNode user = JSON.createObjectNode()
                .put("username", demo.username())
                .put("enabled", true)
                .put("firstName", demo.firstName())
                .put("lastName", demo.lastName())
                .put("email", demo.username() + "@" + code + ".example.invalid")
                .put("emailVerified", true);
        user.putArray("groups").add(demo.group());
        user.putArray("credentials").addObject().put("type", "password").put("value", password)
                .put("temporary", false);
        return user;
    }

    private static ObjectNode serviceAccount(ArrayNode users, String clientId) {
        return users.addObject()
                .put("username", RealmNames.serviceAccount(clientId))
                .put("enabled", true)
                .put("serviceAccountClientId", clientId);
    }

    private static String staffPath(String role) {
        return "/" + STAFF_GROUP + "/" + RealmNames.staffGroup(role);
    }
}
