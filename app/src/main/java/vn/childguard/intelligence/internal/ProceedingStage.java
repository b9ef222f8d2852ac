package vn.childguard.intelligence.internal;

/**
 * The steps of a criminal proceeding in the order the Criminal Procedure Code sets them: a denunciation
 * or report is received and verified; the case is initiated (khởi tố vụ án); suspects are charged
 * (khởi tố bị can); the investigation is concluded; the procuracy indicts; the first-instance trial;
 * the appeal.
 */
public enum ProceedingStage {
    DENUNCIATION_RECEIVED,
    VERIFICATION,
    CASE_INITIATED,
    SUSPECTS_CHARGED,
    INVESTIGATION_CONCLUDED,
    INDICTMENT,
    FIRST_INSTANCE_TRIAL,
    APPEAL
}
