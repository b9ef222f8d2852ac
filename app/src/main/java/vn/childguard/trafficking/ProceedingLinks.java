package vn.childguard.trafficking;

import vn.childguard.organisation.CurrentUser;

/**
 * The hook through which a (future) criminal-proceedings module lets police read a trafficking case
 * linked to a proceeding they handle. Trafficking depends on no implementation; while none exists,
 * police read a case only through a referral.
 */
public interface ProceedingLinks {

    /** True when the user handles a proceeding linked to the trafficking case. */
    boolean grantsAccess(CurrentUser user, long traffickingCaseId);
}
