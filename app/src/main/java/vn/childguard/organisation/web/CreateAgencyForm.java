package vn.childguard.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.internal.AgencyAdministration.AgencyData;

/** A new agency as typed on {@code /admin/agencies/new}. */
record CreateAgencyForm(
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 64, message = "{organisation.admin.validation.tooLong}") String code,
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 300, message = "{organisation.admin.validation.tooLong}") String nameVi,
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 300, message = "{organisation.admin.validation.tooLong}") String nameEn,
        @NotNull(message = "{organisation.admin.validation.required}") AgencyKind kind,
        Long parentId,
        @NotBlank(message = "{organisation.admin.validation.required}")
        @Size(max = 16, message = "{organisation.admin.validation.tooLong}") String areaCode,
        @NotNull(message = "{organisation.admin.validation.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validTo,
        Long successorId) {

    static CreateAgencyForm empty(LocalDate today) {
        return new CreateAgencyForm(null, null, null, null, null, null, today, null, null);
    }

    AgencyData data() {
        return new AgencyData(nameVi, nameEn, kind, parentId, areaCode, validFrom, validTo, successorId);
    }
}
