package vn.childguard.people;

/**
 * Published when a supervisor merges a duplicate into the person who survives: modules that refer
 * to {@code mergedId} re-point their references to {@code survivorId}
 * ({@link PersonRegister#survivorOf(long)} answers the same for references read later).
 */
public record PersonMerged(long mergedId, long survivorId) {
}
