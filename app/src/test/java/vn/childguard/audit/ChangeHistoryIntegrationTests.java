package vn.childguard.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.childguard.test.ChildGuardIntegrationTest;
import vn.childguard.test.DemoUsers;

@ChildGuardIntegrationTest
class ChangeHistoryIntegrationTests {

    private static final String RENAMED = "Department of Health (renamed for history test)";

    @Autowired
    MockMvc mvc;
    @Autowired
    ChangeHistory history;
    @Autowired
    PlatformTransactionManager transactions;
    @PersistenceContext
    EntityManager em;

    @Test
    void historyPageShowsWhoChangedAnAgencyAndTheValuesAfterEachRevision() throws Exception {
        long id = ((Number) field(agency("SYT"), "id")).longValue();
        int before = history.of("Agency", String.valueOf(id)).orElseThrow().size();
        String original = rename("SYT", RENAMED);
        try {
            var revisions = history.of("Agency", String.valueOf(id)).orElseThrow();
            assertThat(revisions).hasSize(before + 1).hasSizeGreaterThanOrEqualTo(2);
            ChangeHistory.Revision last = revisions.getLast();
            assertThat(last.type()).isEqualTo(ChangeHistory.Type.MOD);
            assertThat(last.username()).isEqualTo("system");
            assertThat(last.values()).containsEntry("nameEn", RENAMED).containsEntry("code", "SYT");
            assertThat(last.changed()).containsExactly("nameEn");

            var auditor = DemoUsers.login(mvc, "auditor");
            String html = mvc.perform(get("/audit/history/Agency/{id}", id).session(auditor))
                    .andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString();
            assertThat(html.split("cg-revision", -1).length - 1).isEqualTo(before + 1);
            assertThat(html).contains(RENAMED, "Tên tiếng Anh", "Đã thay đổi", "Sửa", "Tạo mới");
        } finally {
            rename("SYT", original);
        }
        assertThat(history.of("Agency", String.valueOf(id)).orElseThrow()).hasSize(before + 2);
    }

    @Test
    void onlyWhitelistedEntitiesAndOnlyAuditorsGetAHistory() throws Exception {
        var auditor = DemoUsers.login(mvc, "auditor");
        mvc.perform(get("/audit/history/ApiToken/1").session(auditor)).andExpect(status().isNotFound());
        mvc.perform(get("/audit/history/Agency/not-a-number").session(auditor)).andExpect(status().isNotFound());
        mvc.perform(get("/audit/history/Agency/999999").session(auditor)).andExpect(status().isOk());
        var leader = DemoUsers.login(mvc, "leader");
        mvc.perform(get("/audit/history/Agency/1").session(leader)).andExpect(status().isForbidden());
    }

    /** Changes the agency through JPA, as Envers records only changes made through it; returns the old name. */
    private String rename(String code, String nameEn) {
        return new TransactionTemplate(transactions).execute(status -> {
            Object agency = agency(code);
            String old = (String) field(agency, "nameEn");
            setField(agency, "nameEn", nameEn);
            return old;
        });
    }

    private Object agency(String code) {
        return new TransactionTemplate(transactions).execute(status ->
                em.createQuery("select a from Agency a where a.code = :code").setParameter("code", code)
                        .getSingleResult());
    }

    private static Object field(Object target, String name) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            return field.get(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void setField(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
