package vn.childguard.organisation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.ReferenceEntry;
import vn.childguard.organisation.ReferenceLists;

@Service
@Transactional(readOnly = true)
class ReferenceListsService implements ReferenceLists {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ReferenceItemRepository items;
    private final Clock clock;

    ReferenceListsService(ReferenceItemRepository items, Clock clock) {
        this.items = items;
        this.clock = clock;
    }

    @Override
    public List<ReferenceEntry> items(String listCode) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        return items.findByListCodeOrderByCode(listCode).stream()
                .filter(ReferenceItem::isEnabled)
                .filter(i -> (i.getValidFrom() == null || !i.getValidFrom().isAfter(today))
                        && (i.getValidTo() == null || !i.getValidTo().isBefore(today)))
                .map(i -> new ReferenceEntry(i.getCode(), i.getNameVi(), i.getNameEn()))
                .toList();
    }
}
