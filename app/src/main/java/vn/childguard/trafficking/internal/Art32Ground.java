package vn.childguard.trafficking.internal;

/** The grounds identification rests on (Law 53/2024 Art. 32): where the documents or statements come from. */
public enum Art32Ground {
    INVESTIGATING_BODY_DOCUMENTS,
    RESCUER,
    MISSION_ABROAD,
    FOREIGN_AUTHORITY,
    PERSON_STATEMENT,
    RELATIVES,
    WITNESSES,
    TRAFFICKER_STATEMENT
}
