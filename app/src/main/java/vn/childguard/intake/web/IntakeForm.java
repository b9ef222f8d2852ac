package vn.childguard.intake.web;

import java.util.ArrayList;
import java.util.List;

/**
 * The operator's single-page form as typed: everything stays text so that a wrong value comes back
 * as it was written. {@code people[0]} is the child; {@code people[1]} another person with a part.
 */
public class IntakeForm {

    /** A person the report names; {@code choice} is a person id from the register, "new", or blank (not decided). */
    public static class PersonEntry {
        private String part;
        private String name;
        private String birthDate;
        private String age;
        private String sex;
        private String choice;

        public PersonEntry() {
        }

        PersonEntry(String part) {
            this.part = part;
        }

        public String getPart() {
            return part;
        }

        public void setPart(String part) {
            this.part = part;
        }

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getBirthDate() {
            return birthDate;
        }

        public void setBirthDate(String birthDate) {
            this.birthDate = birthDate;
        }

        public String getAge() {
            return age;
        }

        public void setAge(String age) {
            this.age = age;
        }

        public String getSex() {
            return sex;
        }

        public void setSex(String sex) {
            this.sex = sex;
        }

        public String getChoice() {
            return choice;
        }

        public void setChoice(String choice) {
            this.choice = choice;
        }

        boolean isEmpty() {
            return blank(name) && blank(birthDate) && blank(age) && blank(sex);
        }

        private static boolean blank(String s) {
            return s == null || s.isBlank();
        }
    }

    private String channel;
    private String receivedAt;
    private boolean reporterAnonymous;
    private String reporterName;
    private String reporterContact;
    private String occurredOn;
    private String unitCode;
    private String place;
    private String narrative;
    private String urgency;
    private boolean abuserIsCarer;
    private String competentAgencyCode;
    private Long tipId;
    private List<PersonEntry> people = new ArrayList<>(List.of(new PersonEntry("CHILD"), new PersonEntry("ALLEGED_ABUSER")));

    /** Makes sure there are the two person blocks, the first being the child. */
    void normalise() {
        while (people.size() < 2) {
            people.add(new PersonEntry(people.isEmpty() ? "CHILD" : "ALLEGED_ABUSER"));
        }
        if (people.size() > 2) {
            people = new ArrayList<>(people.subList(0, 2));
        }
        people.getFirst().setPart("CHILD");
        if (people.get(1).getPart() == null || people.get(1).getPart().isBlank()) {
            people.get(1).setPart("ALLEGED_ABUSER");
        }
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(String receivedAt) {
        this.receivedAt = receivedAt;
    }

    public boolean isReporterAnonymous() {
        return reporterAnonymous;
    }

    public void setReporterAnonymous(boolean reporterAnonymous) {
        this.reporterAnonymous = reporterAnonymous;
    }

    public String getReporterName() {
        return reporterName;
    }

    public void setReporterName(String reporterName) {
        this.reporterName = reporterName;
    }

    public String getReporterContact() {
        return reporterContact;
    }

    public void setReporterContact(String reporterContact) {
        this.reporterContact = reporterContact;
    }

    public String getOccurredOn() {
        return occurredOn;
    }

    public void setOccurredOn(String occurredOn) {
        this.occurredOn = occurredOn;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getNarrative() {
        return narrative;
    }

    public void setNarrative(String narrative) {
        this.narrative = narrative;
    }

    public String getUrgency() {
        return urgency;
    }

    public void setUrgency(String urgency) {
        this.urgency = urgency;
    }

    public boolean isAbuserIsCarer() {
        return abuserIsCarer;
    }

    public void setAbuserIsCarer(boolean abuserIsCarer) {
        this.abuserIsCarer = abuserIsCarer;
    }

    public String getCompetentAgencyCode() {
        return competentAgencyCode;
    }

    public void setCompetentAgencyCode(String competentAgencyCode) {
        this.competentAgencyCode = competentAgencyCode;
    }

    public Long getTipId() {
        return tipId;
    }

    public void setTipId(Long tipId) {
        this.tipId = tipId;
    }

    public List<PersonEntry> getPeople() {
        return people;
    }

    public void setPeople(List<PersonEntry> people) {
        this.people = people;
    }
}
