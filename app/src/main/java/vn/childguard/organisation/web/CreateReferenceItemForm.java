package vn.childguard.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.childguard.organisation.internal.ReferenceListAdministration.ItemData;

/** A new item of a code list. */
record CreateReferenceItemForm(
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 64, message = "{organisation.admin.validation.tooLong}") String code,
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 300, message = "{organisation.admin.validation.tooLong}") String nameVi,
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 300, message = "{organisation.admin.validation.tooLong}") String nameEn,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo) {

    static CreateReferenceItemForm empty() {
        return new CreateReferenceItemForm(null, null, null, null, null);
    }

    ItemData data() {
        return new ItemData(nameVi, nameEn, validFrom, validTo);
    }
}
