package vn.childguard.intelligence;

import java.time.LocalDate;
import java.util.Map;

/**
 * Counts of criminal proceedings for statistics, without a reference, a summary, a suspect or a victim:
 * the programme's counts (reports received, settled, cases initiated, cleared, indicted, tried) for
 * reports received in a period, and proceedings by their current stage. Province-wide; the reader
 * decides who may see them.
 */
public interface ProceedingFigures {

    /** The programme's counts for reports received between {@code from} and {@code to} (inclusive). */
    Programme programme(LocalDate from, LocalDate to);

    /** Proceedings received in the period by their current stage (stage code → count). */
    Map<String, Long> byStage(LocalDate from, LocalDate to);

    /**
     * @param settled   verification concluded: a case initiated or a decision not to initiate
     * @param initiated cases initiated (khởi tố vụ án)
     * @param cleared   suspects charged (khởi tố bị can)
     */
    record Programme(long received, long settled, long initiated, long cleared, long indicted, long tried) {
    }
}
