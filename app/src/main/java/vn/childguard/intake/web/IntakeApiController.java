package vn.childguard.intake.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.childguard.intake.IntakeSummary;
import vn.childguard.intake.Urgency;
import vn.childguard.intake.internal.Inputs;
import vn.childguard.intake.internal.IntakeRecord;
import vn.childguard.intake.internal.IntakeService;
import vn.childguard.intake.internal.IntakeValidation;
import vn.childguard.intake.internal.NewIntake;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.people.NewPerson;
import vn.childguard.people.PersonQuery;
import vn.childguard.people.PersonRegister;

/**
 * Reports over the API: the same rules, routing, access checks and audit as the pages. People are
 * named by register id (found with {@code GET /api/v1/persons}) or given as new people to register.
 */
@RestController
@Tag(name = "Intake", description = "Reports from every channel (Decree 56 Form 01), routed on reception")
@PreAuthorize("hasAnyRole('INTAKE_OPERATOR', 'CASE_WORKER', 'CASE_SUPERVISOR')")
class IntakeApiController {

    /**
     * A person the report names: {@code personId} of the register, or {@code newPerson} to register.
     * With {@code personId}, {@code match} says who the report is about (name, birth date, documents,
     * as for {@code GET /api/v1/persons}; {@code newPerson} serves when {@code match} is absent): the id
     * is accepted only among the register's candidates for it, unless the user may already read the person.
     */
    record PersonRef(Long personId, NewPerson newPerson, PersonQuery match, String part) {
    }

    /**
     * A new report. {@code receivedAt}: ISO date-time with offset, or local Vietnam time; now when absent.
     * {@code urgency}: EMERGENCY, HIGH or NORMAL.
     */
    record CreateIntake(String channel, String receivedAt, Boolean reporterAnonymous, String reporterName,
                        String reporterContact, String occurredOn, String unitCode, String place, String narrative,
                        String urgency, Boolean abuserIsCarer, String competentAgencyCode, List<PersonRef> people) {
    }

    record Intake(long id, String reference, String channel, Instant receivedAt, String receivingAgency,
                  boolean reporterAnonymous, String reporterName, String reporterContact, LocalDate occurredOn,
                  String unitCode, String place, String narrative, Urgency urgency, boolean abuserIsCarer,
                  String routedAgency, String competentAgency, Instant routedAt, IntakeRecord.Status status,
                  Long caseId, List<IntakeSummary.Involved> people) {
    }

    /** As many candidates as the operator's page shows. */
    static final int CANDIDATES = IntakeController.CANDIDATES;

    private final IntakeService intake;
    private final PersonRegister persons;

    IntakeApiController(IntakeService intake, PersonRegister persons) {
        this.intake = intake;
        this.persons = persons;
    }

    @PostMapping("/api/v1/intakes")
    @PreAuthorize("hasRole('INTAKE_OPERATOR')")
    @Operation(summary = "Record a report", description = "Routed at once to the committee of the commune where it happened")
    ResponseEntity<Intake> create(@RequestBody(required = false) CreateIntake body, CurrentUser user) {
        CreateIntake b = body == null ? new CreateIntake(null, null, null, null, null, null, null, null, null, null,
                null, null, null) : body;
        IntakeValidation.Codes codes = intake.codes();
        Instant receivedAt = b.receivedAt() == null ? codes.now() : instant(b.receivedAt());
        LocalDate occurredOn = Inputs.blank(b.occurredOn()) ? null : Inputs.date(b.occurredOn());
        boolean anonymous = Boolean.TRUE.equals(b.reporterAnonymous());
        Map<String, String> errors = new LinkedHashMap<>(IntakeValidation.check(b.channel(), receivedAt,
                b.receivedAt() != null, anonymous, b.reporterName(), b.reporterContact(), occurredOn,
                !Inputs.blank(b.occurredOn()), b.unitCode(), b.place(), b.narrative(), b.urgency(),
                b.competentAgencyCode(), codes));
        List<String> parts = intake.parts().stream().map(ReferenceLists.Item::code).toList();
        List<NewIntake.Involvement> involved = new ArrayList<>();
        List<PersonRef> people = b.people() == null ? List.of() : b.people();
        for (int i = 0; i < people.size(); i++) {
            PersonRef p = people.get(i);
            String field = "people[" + i + "]";
            if (p == null || p.part() == null || !parts.contains(p.part())) {
                errors.put(field + ".part", "intake.error.part.unknown");
            } else if (p.personId() != null) {
                if (persons.label(p.personId()).isEmpty()) {
                    errors.put(field + ".personId", "intake.error.person.unknown");
                } else if (!intake.mayLink(user, p.personId(), described(p), CANDIDATES)) {
                    errors.put(field + ".personId", "intake.error.person.notMatched");
                } else {
                    involved.add(new NewIntake.Involvement(p.personId(), null, p.part()));
                }
            } else if (p.newPerson() == null || Inputs.blank(p.newPerson().fullName())) {
                errors.put(field + ".newPerson.fullName", "intake.error.person.name");
            } else {
                involved.add(new NewIntake.Involvement(null, p.newPerson(), p.part()));
            }
        }
        if (!errors.isEmpty()) {
            throw new IntakeApiErrors.InvalidRequest(errors);
        }
        IntakeRecord saved;
        try {
            saved = intake.record(user, new NewIntake(b.channel().strip(), receivedAt, anonymous,
                b.reporterName(), b.reporterContact(), occurredOn, b.unitCode().strip(), b.place(), b.narrative(),
                IntakeValidation.urgency(b.urgency()), Boolean.TRUE.equals(b.abuserIsCarer()),
                Inputs.clean(b.competentAgencyCode()), involved, null));
        } catch (vn.childguard.people.InvalidPersonException e) {
            Map<String, String> personErrors = new LinkedHashMap<>();
            e.errors().forEach((field, key) -> personErrors.put("people.newPerson." + field, key));
            throw new IntakeApiErrors.InvalidRequest(personErrors);
        }
        return ResponseEntity.created(URI.create("/api/v1/intakes/" + saved.id())).body(json(saved));
    }

    @GetMapping("/api/v1/intakes/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "One report", description = "For the agencies it involves; every read is audited")
    Intake get(@PathVariable long id, CurrentUser user) {
        // a report that does not exist is refused like one the user may not see, so ids cannot be probed
        return json(intake.view(user, id).orElseThrow(
                () -> new org.springframework.security.access.AccessDeniedException("intake " + id)));
    }

    /** What the request says about a linked person, for search-before-create; null when it says nothing. */
    private PersonQuery described(PersonRef p) {
        if (p.match() != null) {
            return p.match();
        }
        NewPerson n = p.newPerson();
        if (n == null) {
            return null;
        }
        String birth = n.birthDate();
        if (Inputs.blank(birth) && n.estimatedAge() != null) {
            birth = String.valueOf(IntakeService.today(intake.clock()).getYear() - n.estimatedAge());
        }
        return new PersonQuery(n.fullName(), birth, n.sex(),
                n.documents().stream().map(NewPerson.PersonDocument::number).toList());
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(IntakeService.VIETNAM).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static Intake json(IntakeRecord r) {
        return new Intake(r.id(), r.reference(), r.channel(), r.receivedAt(), r.receivingAgencyCode(),
                r.reporterAnonymous(), r.reporterName(), r.reporterContact(), r.occurredOn(), r.unitCode(), r.place(),
                r.narrative(), r.urgency(), r.abuserIsCarer(), r.routedAgencyCode(), r.competentAgencyCode(),
                r.routedAt(), r.status(), r.caseId(), r.involved());
    }
}
