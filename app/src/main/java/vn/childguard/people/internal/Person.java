package vn.childguard.people.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.childguard.shared.PersonalData;

/** A registered person. Name, address, contacts and photo are stored encrypted (see PeopleService). */
@PersonalData(table = "person",
        category = "identity: name, birth date, sex, ethnicity, address, contacts, photo",
        purpose = "one register of the people the cases name",
        legalBasis = "as the records naming the person (Law on Children 2016, Law 53/2024)",
        retention = "anonymised when no kept record names the person",
        visibleTo = {"INTAKE_OPERATOR", "CASE_WORKER", "CASE_SUPERVISOR", "INTELLIGENCE_OFFICER", "SCREENING_OFFICER"})
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "full_name")
    private String fullNameSealed;
    @Column(name = "birth_date")
    private String birthDate;
    @Column(name = "birth_date_estimated")
    private boolean birthDateEstimated;
    private String sex;
    private String nationality;
    private String ethnicity;
    @Column(name = "unit_code")
    private String unitCode;
    @Column(name = "address_text")
    private String addressSealed;
    @Column(name = "contacts")
    private String contactsSealed;
    private byte[] photo;
    @Column(name = "photo_content_type")
    private String photoContentType;
    @Column(name = "registered_by")
    private String registeredBy;
    @Column(name = "registering_agency")
    private String registeringAgency;
    @Column(name = "merged_into")
    private Long mergedInto;
    @Version
    private long version;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;

    protected Person() {
    }

    Person(String fullNameSealed, String birthDate, boolean birthDateEstimated, String sex, String nationality,
           String ethnicity, String unitCode, String addressSealed, String contactsSealed, String registeredBy,
           String registeringAgency, Instant now) {
        this.fullNameSealed = fullNameSealed;
        this.birthDate = birthDate;
        this.birthDateEstimated = birthDateEstimated;
        this.sex = sex;
        this.nationality = nationality;
        this.ethnicity = ethnicity;
        this.unitCode = unitCode;
        this.addressSealed = addressSealed;
        this.contactsSealed = contactsSealed;
        this.registeredBy = registeredBy;
        this.registeringAgency = registeringAgency;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void setPhoto(byte[] sealed, String contentType, Instant now) {
        this.photo = sealed;
        this.photoContentType = contentType;
        this.updatedAt = now;
    }

    void mergeInto(long survivorId, Instant now) {
        this.mergedInto = survivorId;
        this.updatedAt = now;
    }

    void touch(Instant now) {
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    String getFullNameSealed() {
        return fullNameSealed;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public boolean isBirthDateEstimated() {
        return birthDateEstimated;
    }

    public String getSex() {
        return sex;
    }

    public String getNationality() {
        return nationality;
    }

    public String getEthnicity() {
        return ethnicity;
    }

    public String getUnitCode() {
        return unitCode;
    }

    String getAddressSealed() {
        return addressSealed;
    }

    String getContactsSealed() {
        return contactsSealed;
    }

    byte[] getPhoto() {
        return photo;
    }

    public boolean hasPhoto() {
        return photo != null;
    }

    public String getPhotoContentType() {
        return photoContentType;
    }

    public String getRegisteredBy() {
        return registeredBy;
    }

    public String getRegisteringAgency() {
        return registeringAgency;
    }

    public Long getMergedInto() {
        return mergedInto;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
