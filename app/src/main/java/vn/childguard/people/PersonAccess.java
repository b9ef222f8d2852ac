package vn.childguard.people;

import vn.childguard.organisation.CurrentUser;

/**
 * The hook through which modules that hold a stake in a person (an intake naming them, a case about
 * them, a referral about them) let a user see the person's identity. People depends on no
 * implementation; it grants access when any implementation does, and audits the read either way.
 */
public interface PersonAccess {

    /** True when the user may see the person's identity because of this module's records. */
    boolean mayRead(CurrentUser user, long personId);
}
