package jp.tsunagu.contract.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A component of an event that may be null (absent) in real records: the JSON Schemas mark it so, and every other
 * component as required and never null ({@code SchemaDocumentsTest} checks real records against them).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MayBeNull {

    /** Why, or when, it is null. */
    String value();
}
