package vn.childguard.intake.internal;

import java.io.Serial;
import java.io.Serializable;

/**
 * The answers of the public tip form as typed, kept in the visitor's session between the
 * one-question pages. Everything is text so that a wrong answer comes back exactly as written.
 */
public class TipDraft implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** When it happened, as the visitor can tell it. */
    public enum When { TODAY, THIS_WEEK, EARLIER, ONGOING, UNKNOWN }

    /** Whether the visitor leaves a way to reach them. */
    public enum ContactChoice { ANONYMOUS, CONTACT }

    private String narrative;
    private String unitCode;
    private String place;
    private String when;
    private String date;
    private String childName;
    private String childAge;
    private String contactChoice;
    private String contactName;
    private String contactPhone;

    public String getNarrative() {
        return narrative;
    }

    public void setNarrative(String narrative) {
        this.narrative = narrative;
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

    public String getWhen() {
        return when;
    }

    public void setWhen(String when) {
        this.when = when;
    }

    public String getDate() {
        return date;
    }

    public void setDate(String date) {
        this.date = date;
    }

    public String getChildName() {
        return childName;
    }

    public void setChildName(String childName) {
        this.childName = childName;
    }

    public String getChildAge() {
        return childAge;
    }

    public void setChildAge(String childAge) {
        this.childAge = childAge;
    }

    public String getContactChoice() {
        return contactChoice;
    }

    public void setContactChoice(String contactChoice) {
        this.contactChoice = contactChoice;
    }

    public String getContactName() {
        return contactName;
    }

    public void setContactName(String contactName) {
        this.contactName = contactName;
    }

    public String getContactPhone() {
        return contactPhone;
    }

    public void setContactPhone(String contactPhone) {
        this.contactPhone = contactPhone;
    }
}
