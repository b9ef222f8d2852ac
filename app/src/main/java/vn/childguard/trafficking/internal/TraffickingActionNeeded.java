package vn.childguard.trafficking.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.childguard.casework.ActionNeededSource;
import vn.childguard.organisation.CurrentUser;

/** Trafficking's items in the shared action-needed inbox: verification clocks, due follow-ups and
 * break-the-glass uses of the user's cases by others. */
@Component
class TraffickingActionNeeded implements ActionNeededSource {

    private final TraffickingService service;
    private final TraffickingEmergencyAccess emergency;

    TraffickingActionNeeded(TraffickingService service, TraffickingEmergencyAccess emergency) {
        this.service = service;
        this.emergency = emergency;
    }

    @Override
    public List<Item> itemsFor(CurrentUser user) {
        return java.util.stream.Stream.concat(service.actionItems(user).stream(), emergency.inboxItems(user).stream())
                .toList();
    }
}
