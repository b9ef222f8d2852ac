package vn.childguard.planning.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the plans shipped in {@code plans/*.yaml} (Plan 113 first) when they are not in the
 * database yet, after the organisation's reference data is loaded.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class PlanCatalogueLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PlanCatalogueLoader.class);

    private final PlanningService planning;
    private final PlanRepository plans;

    PlanCatalogueLoader(PlanningService planning, PlanRepository plans) {
        this.planning = planning;
        this.plans = plans;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) throws IOException {
        for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath:plans/*.yaml")) {
            String text;
            try (InputStream in = file.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String code = text.lines().filter(l -> l.startsWith("code:")).findFirst()
                    .map(l -> l.substring(5).strip()).orElse("");
            if (plans.findByCode(code).isEmpty()) {
                Plan plan = planning.importAs(text, "plans/" + file.getFilename(), "system");
                log.info("Imported plan {} with {} tasks", plan.getCode(), plan.getTasks().size());
            }
        }
    }
}
