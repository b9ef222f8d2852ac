package vn.childguard.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.childguard.organisation.internal.ReferenceItem;
import vn.childguard.organisation.internal.ReferenceListAdministration.ItemData;

/** Changes to a code-list item; {@code version} is the one the administrator started from. */
record EditReferenceItemForm(
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 300, message = "{organisation.admin.validation.tooLong}") String nameVi,
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 300, message = "{organisation.admin.validation.tooLong}") String nameEn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
        @NotNull Long version) {

    static EditReferenceItemForm of(ReferenceItem item) {
        return new EditReferenceItemForm(item.getNameVi(), item.getNameEn(), item.getValidFrom(), item.getValidTo(),
                item.getVersion());
    }

    ItemData data() {
        return new ItemData(nameVi, nameEn, validFrom, validTo);
    }
}
