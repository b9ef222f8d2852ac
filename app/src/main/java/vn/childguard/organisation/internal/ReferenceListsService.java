package vn.childguard.organisation.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.organisation.ReferenceLists;

@Service
@Transactional(readOnly = true)
class ReferenceListsService implements ReferenceLists {

    private final ReferenceItemRepository items;

    ReferenceListsService(ReferenceItemRepository items) {
        this.items = items;
    }

    @Override
    public List<Item> items(String listCode) {
        return items.findByListCodeOrderByCode(listCode).stream().filter(ReferenceItem::isEnabled).map(ReferenceListsService::item)
                .toList();
    }

    @Override
    public Optional<Item> item(String listCode, String code) {
        return items.findByListCodeAndCode(listCode, code).filter(ReferenceItem::isEnabled).map(ReferenceListsService::item);
    }

    private static Item item(ReferenceItem r) {
        return new Item(r.getListCode(), r.getCode(), r.getNameVi(), r.getNameEn(), r.getValidFrom(), r.getValidTo());
    }
}
