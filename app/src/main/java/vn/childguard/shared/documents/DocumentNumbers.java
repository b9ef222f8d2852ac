package vn.childguard.shared.documents;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Hands out each issuer's document numbers for a year, 1, 2, 3…, without gaps or repeats across nodes. */
@Component
public class DocumentNumbers {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separately;

    DocumentNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The next number; joins the caller's transaction, so a document that is not issued returns it. */
    @Transactional
    public int next(String issuerCode, int year) {
        if (jdbc.queryForList("select 1 from document_number where issuer_code = ? and issue_year = ?", Integer.class,
                issuerCode, year).isEmpty()) {
            separately.executeWithoutResult(status -> createCounter(issuerCode, year));
        }
        // the row lock serialises issuers on every node
        int number = jdbc.queryForObject("select last_number from document_number where issuer_code = ? and issue_year = ? "
                + "for update", Integer.class, issuerCode, year) + 1;
        jdbc.update("update document_number set last_number = ? where issuer_code = ? and issue_year = ?", number,
                issuerCode, year);
        return number;
    }

    private void createCounter(String issuerCode, int year) {
        try {
            jdbc.update("insert into document_number (issuer_code, issue_year, last_number) values (?, ?, 0)", issuerCode,
                    year);
        } catch (DuplicateKeyException createdByAnotherNode) {
            // the counter exists now, which is all this step needs
            return;
        }
    }
}
