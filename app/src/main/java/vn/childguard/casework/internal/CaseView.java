package vn.childguard.casework.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import vn.childguard.casework.DeadlineStatus;

/**
 * A case as one user may see it: the sections a referral receiver may not see are left out (empty
 * lists, null child name), not merely hidden by the page.
 */
public record CaseView(CpCase kase, CasePolicy.Access access, String childLabel, String agencyName, String unitName,
                       List<FormVersion> forms, List<Deadline> deadlines, List<ReferralView> referrals,
                       List<Consent> consents, List<NoteView> notes, List<CaseAttachment> attachments,
                       List<CaseTeamMember> team, List<CaseTransfer> transfers, List<CaseEscalation> escalations,
                       long openReferrals) {

    public record FormVersion(long id, String code, int cycle, int version, Map<String, Object> data, String author,
                              Instant at) {
    }

    public record Deadline(CaseDeadline deadline, DeadlineStatus status, long minutesLeft) {
    }

    public record ReferralView(Referral referral, String toAgencyName, String reportBack) {
    }

    public record NoteView(long id, CaseNote.Kind kind, String body, String author, Instant at) {
    }

    /** The latest version of a form in the current cycle, or null. */
    public FormVersion latest(String code) {
        FormVersion found = null;
        for (FormVersion f : forms) {
            if (f.code().equals(code) && (found == null || f.id() > found.id())) {
                found = f;
            }
        }
        return found;
    }
}
