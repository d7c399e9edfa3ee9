package jp.tsunagu.support.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose reads are audited ({@link AuditTrail#around}), with the action and resource it records,
 * so that a request refused before it reaches the method (its role, or an agency no longer in the directory: 403)
 * is recorded as DENIED too ({@link Refusals}). The resource is a template: {@code {name}} is the path or query
 * parameter of that name, {@code {municipality}} the caller's.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Audited {

    /** The action, as the read records it: read-person, read-meeting, … */
    String value();

    /** The resource, as the read records it: case/{caseId}, meeting/{meetingId}, … */
    String resource();
}
