package vn.childguard.trafficking.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.childguard.casework.ActionNeededSource;
import vn.childguard.organisation.CurrentUser;

/** Trafficking's items in the shared action-needed inbox: verification clocks and due follow-ups. */
@Component
class TraffickingActionNeeded implements ActionNeededSource {

    private final TraffickingService service;

    TraffickingActionNeeded(TraffickingService service) {
        this.service = service;
    }

    @Override
    public List<Item> itemsFor(CurrentUser user) {
        return service.actionItems(user);
    }
}
