package vn.childguard.privacy.internal;

import org.springframework.stereotype.Component;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.people.PersonAccess;

/** Lets the assigned officer of an open, verified request to see one's data read the person's identity. */
@Component
class PrivacyPersonAccess implements PersonAccess {

    private final DataSubjectRequests requests;

    PrivacyPersonAccess(DataSubjectRequests requests) {
        this.requests = requests;
    }

    @Override
    public boolean mayRead(CurrentUser user, long personId) {
        return requests.exports(user, personId);
    }
}
