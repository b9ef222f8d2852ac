package vn.childguard.screening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.childguard.casework.AtRiskChildren;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.Role;

/** Screening officers read a child's identity only to build the at-risk index, or when an alert matched the child. */
class ScreeningPersonAccessTests {

    static final long CHILD = 7;
    static final long NAMED = 8;
    static final long OTHER = 9;

    final AtRiskChildren atRisk = new AtRiskChildren() {
        @Override
        public List<AtRiskChild> current() {
            return List.of();
        }

        @Override
        public boolean isAtRisk(long personId) {
            return personId == CHILD || personId == NAMED;
        }
    };
    final AlertStore alerts = new AlertStore(null, null) {
        @Override
        public boolean namesAtRiskPerson(long personId) {
            return personId == NAMED;
        }
    };
    final ScreeningPersonAccess access = new ScreeningPersonAccess(atRisk, alerts);

    static CurrentUser user(Role role) {
        return new CurrentUser(1, "u", "u", 1, "CA-PA08", "", "", "80", Set.of(role));
    }

    @Test
    void anOfficerReadsOnlyAChildAnAlertMatched() {
        assertThat(access.mayRead(user(Role.SCREENING_OFFICER), NAMED)).isTrue();
        assertThat(access.mayRead(user(Role.SCREENING_OFFICER), CHILD)).as("at risk, but no alert named the child").isFalse();
        assertThat(access.mayRead(user(Role.INTELLIGENCE_OFFICER), NAMED)).isTrue();
        assertThat(access.mayRead(user(Role.INTAKE_OPERATOR), NAMED)).as("not a screening role").isFalse();
    }

    @Test
    void theIndexBuildReadsEveryChildOfAnOpenCaseAndNobodyElse() {
        assertThat(ScreeningPersonAccess.whileIndexing(() -> access.mayRead(user(Role.SCREENING_OFFICER), CHILD))).isTrue();
        assertThat(ScreeningPersonAccess.whileIndexing(() -> access.mayRead(user(Role.SCREENING_OFFICER), OTHER))).isFalse();
        assertThat(ScreeningPersonAccess.whileIndexing(() -> access.mayRead(user(Role.SCHOOL_STAFF), CHILD))).isFalse();
        assertThat(access.mayRead(user(Role.SCREENING_OFFICER), CHILD)).as("only during the build").isFalse();
    }
}
