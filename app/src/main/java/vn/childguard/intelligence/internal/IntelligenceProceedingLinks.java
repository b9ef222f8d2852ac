package vn.childguard.intelligence.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.trafficking.ProceedingLinks;

/** Police officers handling a proceeding that names a trafficking case as a victim's may read that case. */
@Component
class IntelligenceProceedingLinks implements ProceedingLinks {

    private final ProceedingService proceedings;

    IntelligenceProceedingLinks(ProceedingService proceedings) {
        this.proceedings = proceedings;
    }

    @Override
    public boolean grantsAccess(CurrentUser user, long traffickingCaseId) {
        return proceedings.handlesTraffickingCase(user, traffickingCaseId);
    }
}
