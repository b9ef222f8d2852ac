package vn.childguard.trafficking;

import java.util.Map;

/**
 * Aggregate figures other modules may read without seeing any case: counts only, never a person.
 * Intelligence ranks communes (hotspots) by where victims come from.
 */
public interface TraffickingFigures {

    /**
     * Victims and presumed victims (every case except those found not to be a victim) by the commune
     * recorded on the case: commune code → number of distinct people.
     */
    Map<String, Long> victimsByCommune();
}
