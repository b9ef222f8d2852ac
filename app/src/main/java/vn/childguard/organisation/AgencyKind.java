package vn.childguard.organisation;

/** The kind of an agency; which agencies exist is data, these kinds are how the system treats them. */
public enum AgencyKind {
    PEOPLES_COMMITTEE,
    POLICE,
    FOREIGN_AFFAIRS,
    COMMUNICATIONS,
    EDUCATION,
    HEALTH_SOCIAL,
    BORDER_GUARD,
    SCHOOL,
    HOTLINE,
    NGO,
    OTHER
}
