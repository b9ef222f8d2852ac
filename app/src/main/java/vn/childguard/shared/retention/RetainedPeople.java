package vn.childguard.shared.retention;

/**
 * The person register's part in retention (implemented by people): once no kept record names a person,
 * the retention job anonymises the person's entry. Sex, birth year, nationality, ethnicity and commune
 * stay, so statistics rebuilt from the register still count the person.
 */
public interface RetainedPeople {

    /** Anonymises the person's entry (in the caller's transaction); returns false when already anonymous. */
    boolean anonymise(long personId);
}
