package vn.childguard.organisation.internal;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.ReferenceLists;

@Service
class ReferenceListsService implements ReferenceLists {

    private final ReferenceItemRepository items;

    ReferenceListsService(ReferenceItemRepository items) {
        this.items = items;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Entry> items(String listCode, LocalDate day) {
        return items.findByListCodeOrderByCode(listCode).stream()
                .filter(ReferenceItem::isEnabled)
                .filter(i -> (i.getValidFrom() == null || !i.getValidFrom().isAfter(day))
                        && (i.getValidTo() == null || !i.getValidTo().isBefore(day)))
                .map(i -> new Entry(i.getCode(), i.getNameVi(), i.getNameEn()))
                .toList();
    }
}
