package vn.childguard.intake;

/** Triage at reception. EMERGENCY: life, health or dignity seriously at risk now, or the abuser is the carer. */
public enum Urgency {
    EMERGENCY,
    HIGH,
    NORMAL
}
