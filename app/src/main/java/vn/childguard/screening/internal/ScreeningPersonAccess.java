package vn.childguard.screening.internal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import vn.childguard.casework.AtRiskChildren;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;
import vn.childguard.people.PersonAccess;

/**
 * Border screening must recognise children of open cases at the gate, without letting screening
 * officers browse the register. A screening or intelligence officer may read a child's identity
 * (each read audited by the register):
 * <ul>
 * <li>while the at-risk index is built on their request ({@link #whileIndexing}): the identities go
 * into the matching index, not onto a page — only the child of an open case;</li>
 * <li>otherwise only a person an alert matched as an at-risk child (every screening officer sees
 * every alert: the queue is one per province).</li>
 * </ul>
 */
@Component
class ScreeningPersonAccess implements PersonAccess {

    private static final ThreadLocal<Boolean> INDEXING = new ThreadLocal<>();

    private final AtRiskChildren atRisk;
    private final AlertStore alerts;

    ScreeningPersonAccess(AtRiskChildren atRisk, AlertStore alerts) {
        this.atRisk = atRisk;
        this.alerts = alerts;
    }

    /** Runs the index build: register reads on this thread are for matching. */
    static <T> T whileIndexing(Supplier<T> build) {
        Boolean before = INDEXING.get();
        INDEXING.set(Boolean.TRUE);
        try {
            return build.get();
        } finally {
            if (before == null) {
                INDEXING.remove();
            } else {
                INDEXING.set(before);
            }
        }
    }

    @Override
    public boolean mayRead(CurrentUser user, long personId) {
        if (!user.has(Role.SCREENING_OFFICER) && !user.has(Role.INTELLIGENCE_OFFICER)) {
            return false;
        }
        if (Boolean.TRUE.equals(INDEXING.get())) {
            return atRisk.isAtRisk(personId);
        }
        return alerts.namesAtRiskPerson(personId);
    }
}
