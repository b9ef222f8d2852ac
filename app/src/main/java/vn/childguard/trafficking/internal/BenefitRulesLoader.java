package vn.childguard.trafficking.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the Art. 37 matrix (reference/trafficking-benefit-rules.csv) into {@code tc_benefit_rule}
 * when the table is empty, so the rules are data in the database that the service reads.
 */
@Component
class BenefitRulesLoader implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(BenefitRulesLoader.class);
    private final TraffickingStore store;
    private final TraffickingService service;
    private final TransactionTemplate tx;

    BenefitRulesLoader(TraffickingStore store, TraffickingService service, TransactionTemplate tx) {
        this.store = store;
        this.service = service;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(status -> {
            if (store.countRules() == 0) {
                var rules = Entitlements.shipped();
                rules.forEach(store::insertRule);
                LOG.info("Loaded {} trafficking benefit rules", rules.size());
            }
        });
        service.reloadMatrix();
    }
}
