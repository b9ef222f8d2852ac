package vn.childguard.people.web;

import java.util.ArrayList;
import java.util.List;
import vn.childguard.people.NewPerson;
import vn.childguard.people.PersonQuery;

/** The search-before-create form as typed, kept on every round trip (two document rows). */
public class PersonForm {

    /** One document row of the form. */
    public static class DocumentRow {
        private String kind = "CITIZEN_ID";
        private String number;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }

        public String getNumber() {
            return number;
        }

        public void setNumber(String number) {
            this.number = number;
        }
    }

    private String fullName;
    private String birthDate;
    private String estimatedAge;
    private String sex;
    private String nationality = "VN";
    private String ethnicity;
    private String unitCode;
    private String addressText;
    private String contacts;
    private List<DocumentRow> documents = new ArrayList<>(List.of(new DocumentRow(), passportRow()));

    private static DocumentRow passportRow() {
        DocumentRow row = new DocumentRow();
        row.setKind("PASSPORT");
        return row;
    }

    /** The estimated age as a number; {@code -1} when it is not one (so validation refuses it). */
    Integer estimatedAgeValue() {
        if (estimatedAge == null || estimatedAge.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(estimatedAge.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    NewPerson toNewPerson() {
        return new NewPerson(fullName, birthDate, estimatedAgeValue(), sex, documents.stream()
                .filter(d -> d.getNumber() != null && !d.getNumber().isBlank())
                .map(d -> new NewPerson.PersonDocument(d.getKind(), d.getNumber())).toList(),
                nationality, ethnicity, unitCode, addressText, contacts);
    }

    PersonQuery toQuery() {
        return new PersonQuery(fullName, birthDate, sex, documents.stream().map(DocumentRow::getNumber)
                .filter(n -> n != null && !n.isBlank()).toList());
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(String birthDate) {
        this.birthDate = birthDate;
    }

    public String getEstimatedAge() {
        return estimatedAge;
    }

    public void setEstimatedAge(String estimatedAge) {
        this.estimatedAge = estimatedAge;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public String getNationality() {
        return nationality;
    }

    public void setNationality(String nationality) {
        this.nationality = nationality;
    }

    public String getEthnicity() {
        return ethnicity;
    }

    public void setEthnicity(String ethnicity) {
        this.ethnicity = ethnicity;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public String getAddressText() {
        return addressText;
    }

    public void setAddressText(String addressText) {
        this.addressText = addressText;
    }

    public String getContacts() {
        return contacts;
    }

    public void setContacts(String contacts) {
        this.contacts = contacts;
    }

    public List<DocumentRow> getDocuments() {
        return documents;
    }

    public void setDocuments(List<DocumentRow> documents) {
        this.documents = documents;
    }
}
