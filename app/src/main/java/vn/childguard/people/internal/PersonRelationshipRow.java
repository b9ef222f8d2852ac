package vn.childguard.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import vn.childguard.shared.PersonalData;

/** "person is KIND of other person", e.g. person 7 is MOTHER of person 3. */
@PersonalData(table = "person_relationship",
        category = "family and other relationships between people",
        purpose = "protection of the child, carers",
        legalBasis = "as person",
        retention = "deleted with the person's anonymisation",
        visibleTo = {"CASE_WORKER", "CASE_SUPERVISOR", "INTELLIGENCE_OFFICER"})
@Entity
@Table(name = "person_relationship")
class PersonRelationshipRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "person_id")
    private long personId;
    @Column(name = "other_person_id")
    private long otherPersonId;
    private String kind;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected PersonRelationshipRow() {
    }

    PersonRelationshipRow(long personId, long otherPersonId, String kind, String createdBy, Instant createdAt) {
        this.personId = personId;
        this.otherPersonId = otherPersonId;
        this.kind = kind;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    long getPersonId() {
        return personId;
    }

    long getOtherPersonId() {
        return otherPersonId;
    }

    void repoint(long from, long to) {
        if (personId == from) {
            personId = to;
        }
        if (otherPersonId == from) {
            otherPersonId = to;
        }
    }

    String getKind() {
        return kind;
    }
}
