package jp.tsunagu.contract.directory;

import jp.tsunagu.contract.codes.Field;

import java.util.List;

/**
 * One site that cases are routed to: an HSDS {@code service} at a {@code location} with its {@code service_area}s,
 * flattened because a site is what agencies, tokens and routing decisions name.
 *
 * @param id             the agency id used in tokens ({@code agency} claim) and events
 * @param kind           the kind of agency, e.g. 地域包括支援センター
 * @param fields         the 分野 it serves
 * @param targetGroup    whom it serves, in the city's words (e.g. 65歳以上)
 * @param minimumAge     HSDS minimum_age, when eligibility has one
 * @param maximumAge     HSDS maximum_age
 * @param form           設置形態: 直営 / 委託 / 指定管理
 * @param legalCategory  区分 under art. 106-4 para. 2 (第1号イ–ニ …), when the city's plan gives one
 * @param department     所管課
 * @param wholeCity      it covers the whole municipality (市内全域)
 * @param serviceAreas   the areas (校区 / 圏域) it covers when not the whole city
 * @param status         HSDS status: active, inactive, defunct, temporarily closed
 * @param nameIsSample   the name is a placeholder, not the site's real name
 * @param areasAreSample the area list is a placeholder, not the city's confirmed assignment
 */
public record Agency(String id, String organizationId, String name, String kind, List<Field> fields, AgencyRole role,
                     String targetGroup, Integer minimumAge, Integer maximumAge, String form, String legalCategory,
                     String department, boolean wholeCity, List<String> serviceAreas, String status,
                     boolean nameIsSample, boolean areasAreSample) {

    public Agency {
        fields = fields == null ? List.of() : List.copyOf(fields);
        serviceAreas = serviceAreas == null ? List.of() : List.copyOf(serviceAreas);
    }

    public boolean isActive() {
        return "active".equals(status);
    }

    public boolean covers(String area) {
        return wholeCity || serviceAreas.contains(area);
    }
}
