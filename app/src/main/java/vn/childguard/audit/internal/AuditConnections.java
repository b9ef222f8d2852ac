package vn.childguard.audit.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A small connection pool of the audit log's own, for the rows written in a transaction of their own
 * (reads inside read-only transactions, refusals). Taken from the application's pool, such a row needs
 * a second connection while its request holds one: with as many requests as connections, every request
 * waited for a connection that none would give back (seen under load, issue 11). Same database and
 * settings as the application's pool; absent when that pool is not Hikari (then the application's
 * pool is used, as before).
 */
@Component
class AuditConnections implements DisposableBean {

    private final HikariDataSource pool;

    AuditConnections(DataSource application, @Value("${childguard.audit.pool-size:4}") int size) throws SQLException {
        if (!application.isWrapperFor(HikariDataSource.class)) {
            this.pool = null;
            return;
        }
        HikariConfig config = new HikariConfig();
        application.unwrap(HikariDataSource.class).copyStateTo(config);
        config.setPoolName("audit");
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        this.pool = new HikariDataSource(config);
    }

    boolean present() {
        return pool != null;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(pool);
    }

    PlatformTransactionManager transactions() {
        return new DataSourceTransactionManager(pool);
    }

    @Override
    public void destroy() {
        if (pool != null) {
            pool.close();
        }
    }
}
