package vn.childguard.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions in the database (Spring Session JDBC, docs/operations.md "Two nodes"). On PostgreSQL a
 * session attribute is written with an upsert: two requests of one session that both add the same
 * attribute (a user who clicks twice, a request retried while the first is still running) otherwise
 * fail on the attributes' primary key. H2 keeps the plain insert (its PostgreSQL mode has no
 * ON CONFLICT DO UPDATE).
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionUpserts(
            @Value("${spring.datasource.url:}") String url) {
        return url.startsWith("jdbc:postgresql:") ? new PostgreSqlJdbcIndexedSessionRepositoryCustomizer()
                : repository -> { };
    }
}
