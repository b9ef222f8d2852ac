package vn.childguard.planning.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.childguard.planning.IndicatorSource;
import vn.childguard.planning.Period;

/** Asks every {@link IndicatorSource} for the indicators of a new report and records what they propose. */
@Component
class IndicatorProposals {

    private final List<IndicatorSource> sources;

    IndicatorProposals(List<IndicatorSource> sources) {
        this.sources = List.copyOf(sources);
    }

    void propose(ProgressReport draft, Period period) {
        for (TaskIndicator indicator : draft.getTask().getIndicators()) {
            sources.stream()
                    .map(source -> source.count(indicator.getCode(), draft.getAgencyCode(), period))
                    .flatMap(java.util.Optional::stream)
                    .findFirst()
                    .ifPresent(value -> draft.propose(indicator.getId(), value));
        }
    }
}
