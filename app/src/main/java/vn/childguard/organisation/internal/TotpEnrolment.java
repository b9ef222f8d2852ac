package vn.childguard.organisation.internal;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.QRCodeWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;

import vn.childguard.shared.crypto.DataCipher;

/** Enrolment of the second factor: a new secret shown once as a QR code, confirmed by a first code. */
@Service
public class TotpEnrolment {

    /** What the enrolment page shows: the secret for manual entry and the QR code as a data URL. */
    public record Pending(String secret, String qrDataUrl) {
    }

    private final UserAccountRepository users;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final Accounts accounts;
    private final Clock clock;

    TotpEnrolment(UserAccountRepository users, DataCipher cipher, AuditLog audit, Accounts accounts, Clock clock) {
        this.users = users;
        this.cipher = cipher;
        this.audit = audit;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Starts enrolment with a new secret, kept encrypted in the database (so any node can confirm it)
     * and inactive until confirmed. A user who has a factor must have it reset by an administrator.
     */
    @Transactional
    public Pending start(long userId) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (user.isTotpEnabled()) {
            throw new IllegalStateException("already enrolled");
        }
        String secret = Totp.newSecret();
        user.startTotpEnrolment(cipher.encrypt(secret));
        String uri = Totp.otpauthUri("ChildGuard", user.getUsername(), secret);
        return new Pending(secret, "data:image/svg+xml;base64," + Base64.getEncoder()
                .encodeToString(qrSvg(uri).getBytes(StandardCharsets.UTF_8)));
    }

    public boolean isEnrolled(long userId) {
        return users.findById(userId).map(UserAccount::isTotpEnabled).orElse(false);
    }

    /** Confirms with a code from the app; on success the session's principal is refreshed. */
    @Transactional
    public boolean confirm(long userId, String code) {
        UserAccount user = users.findById(userId).orElseThrow();
        String stored = user.getTotpSecret();
        if (user.isTotpEnabled() || stored == null || !Totp.verify(cipher.decrypt(stored), code, clock.instant())) {
            audit.record(AuditEntry.of(AuditLog.Actions.TOTP_ENROLLED, "user", userId, AuditEntry.Outcome.FAILURE));
            return false;
        }
        user.confirmTotp();
        audit.record(AuditEntry.of(AuditLog.Actions.TOTP_ENROLLED, "user", userId, AuditEntry.Outcome.SUCCESS));
        AccountDetails refreshed = accounts.details(user);
        var context = SecurityContextHolder.getContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(refreshed, null,
                refreshed.getAuthorities()));
        return true;
    }

    /** An administrator removes a lost factor; the user enrols again at the next login. */
    @Transactional
    public void reset(long userId) {
        users.findById(userId).orElseThrow().resetTotp();
        audit.record(AuditEntry.of(AuditLog.Actions.TOTP_RESET, "user", userId, AuditEntry.Outcome.SUCCESS));
    }

    static String qrSvg(String text) {
        try {
            var matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
            int size = matrix.getWidth();
            StringBuilder path = new StringBuilder();
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    if (matrix.get(x, y)) {
                        path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                    }
                }
            }
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"-4 -4 " + (size + 8) + " " + (size + 8)
                    + "\" width=\"240\" height=\"240\"><rect x=\"-4\" y=\"-4\" width=\"100%\" height=\"100%\" "
                    + "fill=\"#fff\"/><path d=\"" + path + "\" fill=\"#000\"/></svg>";
        } catch (WriterException e) {
            throw new IllegalStateException("QR encoding failed", e);
        }
    }
}
