package vn.childguard.audit.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.envers.RevisionEntity;
import org.hibernate.envers.RevisionListener;
import org.hibernate.envers.RevisionNumber;
import org.hibernate.envers.RevisionTimestamp;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** An Envers revision, stamped with the user whose change it was. */
@Entity
@Table(name = "revinfo")
@RevisionEntity(AuditRevision.UsernameListener.class)
public class AuditRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @RevisionNumber
    private int rev;

    @RevisionTimestamp
    private long revtstmp;

    private String username;

    public int getRev() {
        return rev;
    }

    public long getRevtstmp() {
        return revtstmp;
    }

    public String getUsername() {
        return username;
    }

    /** Takes the user from the security context; start-up loaders run as "system". */
    public static class UsernameListener implements RevisionListener {
        @Override
        public void newRevision(Object revision) {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            ((AuditRevision) revision).username = auth == null ? "system" : auth.getName();
        }
    }
}
