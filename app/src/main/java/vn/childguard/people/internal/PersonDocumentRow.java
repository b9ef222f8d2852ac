package vn.childguard.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import vn.childguard.shared.PersonalData;

/** A document of a person: the number encrypted, its keyed hash (of the normalised number) for exact look-up. */
@PersonalData(table = "person_document",
        category = "identity documents (encrypted, keyed hash)",
        purpose = "finding the same person again",
        legalBasis = "as person",
        retention = "deleted with the person's anonymisation",
        visibleTo = {"CASE_WORKER", "CASE_SUPERVISOR", "INTELLIGENCE_OFFICER"})
@Entity
@Table(name = "person_document")
class PersonDocumentRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "person_id")
    private long personId;
    private String kind;
    @Column(name = "number")
    private String numberSealed;
    @Column(name = "number_hash")
    private String numberHash;

    protected PersonDocumentRow() {
    }

    PersonDocumentRow(long personId, String kind, String numberSealed, String numberHash) {
        this.personId = personId;
        this.kind = kind;
        this.numberSealed = numberSealed;
        this.numberHash = numberHash;
    }

    Long getId() {
        return id;
    }

    long getPersonId() {
        return personId;
    }

    void moveTo(long personId) {
        this.personId = personId;
    }

    String getKind() {
        return kind;
    }

    String getNumberSealed() {
        return numberSealed;
    }

    String getNumberHash() {
        return numberHash;
    }
}
