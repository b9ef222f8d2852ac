package vn.childguard.people.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.people.NewPerson;

/**
 * Demo people (profile {@code demo}, which the tests use too): the child of the journey,
 * registered by the commune as a foreign record would write her ({@code NGUYEN THI ANH}, no
 * diacritics), her mother, other Nguyễns so that search shows a ranking, and one obvious duplicate
 * pair for the supervisor. Written once: the child's citizen ID marks that the set exists.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class PeopleDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PeopleDemoData.class);

    /** Citizen ID of the demo child: Tây Ninh (072), female born in the 2000s (3), 2011 (11). */
    static final String CHILD_CITIZEN_ID = "072311000123";

    private final PeopleService people;
    private final TransactionTemplate transactions;

    PeopleDemoData(PeopleService people, TransactionTemplate transactions) {
        this.people = people;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (people.documentKnown(CHILD_CITIZEN_ID)) {
            return;
        }
        transactions.executeWithoutResult(status -> {
            String officer = "commune.officer";
            String commune = "UBND-25486";
            long child = people.registerAs(new NewPerson("NGUYEN THI ANH", "2011-03-14", null, "F",
                    List.of(new NewPerson.PersonDocument("CITIZEN_ID", CHILD_CITIZEN_ID)), "VN", "KINH", "25486",
                    "Ấp Thạnh Phú", null), officer, commune);
            long mother = people.registerAs(new NewPerson("Trần Thị Mai", "1985", null, "F", List.of(), "VN", "KINH",
                    "25486", "Ấp Thạnh Phú", "0912 000 111"), officer, commune);
            people.relateAs(mother, child, "MOTHER", officer);
            people.registerAs(new NewPerson("Nguyễn Văn Anh", "2012-01-20", null, "M", List.of(), "VN", "KINH", "25498",
                    null, null), officer, commune);
            people.registerAs(new NewPerson("Nguyễn Thị Ánh Tuyết", "1990-06-02", null, "F",
                    List.of(new NewPerson.PersonDocument("CITIZEN_ID", "072190004567")), "VN", "KINH", "25489", null,
                    null), "hotline.operator", "TD111");
            people.registerAs(new NewPerson("Trần Thị Ánh", "2011-08-01", null, "F", List.of(), "VN", "KINH", "25459",
                    null, null), officer, commune);
            people.registerAs(new NewPerson("Đinh Thị Mỹ Hạnh", "2008-09-02", null, "F",
                    List.of(new NewPerson.PersonDocument("CITIZEN_ID", "072308001234")), "VN", "KHMER", "25486", null,
                    null), officer, commune);
            people.registerAs(new NewPerson("DINH THI MY HANH", "2008-09-02", null, "F", List.of(), null, null, "25486",
                    null, null), officer, commune);
        });
        log.info("Registered the demo people");
    }
}
