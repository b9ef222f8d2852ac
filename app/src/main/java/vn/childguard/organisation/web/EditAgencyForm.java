package vn.childguard.organisation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.internal.Agency;
import vn.childguard.organisation.internal.AgencyAdministration.AgencyData;

/** Changes to an agency; {@code version} is the one the administrator started from. */
record EditAgencyForm(
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
        Long successorId,
        @NotNull Long version) {

    static EditAgencyForm of(Agency agency) {
        return new EditAgencyForm(agency.getNameVi(), agency.getNameEn(), agency.getKind(), agency.getParentId(),
                agency.getAreaCode(), agency.getValidFrom(), agency.getValidTo(), agency.getSuccessorId(),
                agency.getVersion());
    }

    AgencyData data() {
        return new AgencyData(nameVi, nameEn, kind, parentId, areaCode, validFrom, validTo, successorId);
    }
}
