package vn.childguard.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a table holding personal data, on the entity or store class that writes it. The data
 * inventory ({@code docs/data-inventory.md}) is generated from these annotations by
 * {@code DataInventoryTests}, which also fails when a table with personal-data columns has none.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(PersonalData.List.class)
public @interface PersonalData {

    /** The table. */
    String table();

    /** What personal data it holds (short: "child's identity, documents, address"). */
    String category();

    /** Whether it includes sensitive data (Law 91/2025 Art. 2: health, crime, private life, location, ...). */
    boolean sensitive() default true;

    /** Why it is processed. */
    String purpose();

    /** The legal basis (law and article). */
    String legalBasis();

    /** How long it is kept: a retention record type, or a short rule. */
    String retention();

    /** Roles that can see it. */
    String[] visibleTo();

    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        PersonalData[] value();
    }
}
