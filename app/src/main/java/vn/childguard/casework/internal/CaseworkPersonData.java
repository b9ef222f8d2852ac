package vn.childguard.casework.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.people.PersonDataHolder;
import vn.childguard.shared.crypto.DataCipher;

/**
 * The child-protection cases about a person (as the child) with their forms, notes, referrals and
 * consents, and the consents the person gave in other children's cases (as a parent or carer), for
 * the person's data request. Attachments are listed by name only; the officer sends files separately
 * after review. Forms may name third parties: the answering officer reviews the file before release.
 */
@Component
class CaseworkPersonData implements PersonDataHolder {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CaseRepository cases;
    private final CaseFormRepository forms;
    private final CaseNoteRepository notes;
    private final ReferralRepository referrals;
    private final ConsentRepository consents;
    private final CaseAttachmentRepository attachments;
    private final DataCipher cipher;

    CaseworkPersonData(CaseRepository cases, CaseFormRepository forms, CaseNoteRepository notes,
                       ReferralRepository referrals, ConsentRepository consents, CaseAttachmentRepository attachments,
                       DataCipher cipher) {
        this.cases = cases;
        this.forms = forms;
        this.notes = notes;
        this.referrals = referrals;
        this.consents = consents;
        this.attachments = attachments;
        this.cipher = cipher;
    }

    @Override
    public String module() {
        return "casework";
    }

    @Override
    @Transactional(readOnly = true)
    public List<Map<String, Object>> recordsAbout(long personId) {
        List<Map<String, Object>> out = new ArrayList<>();
        List<CpCase> own = cases.findByChildPersonId(personId);
        Set<Long> ownIds = new java.util.HashSet<>();
        for (CpCase c : own) {
            ownIds.add(c.getId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("record", "case");
            m.put("reference", c.getReference());
            m.put("status", c.getStatus().name());
            m.put("unitCode", c.getUnitCode());
            m.put("owningAgency", c.getOwningAgencyCode());
            m.put("receivedAt", String.valueOf(c.getReceivedAt()));
            m.put("openedAt", String.valueOf(c.getOpenedAt()));
            m.put("closedAt", c.getClosedAt() == null ? null : c.getClosedAt().toString());
            m.put("forms", forms.findByCaseIdOrderByCreatedAtAscIdAsc(c.getId()).stream().map(f -> {
                Map<String, Object> form = new LinkedHashMap<>();
                form.put("form", f.getFormCode());
                form.put("cycle", f.getCycleNo());
                form.put("version", f.getFormVersion());
                form.put("createdAt", String.valueOf(f.getCreatedAt()));
                form.put("content", JSON.readValue(cipher.decrypt(f.getContent()),
                        new TypeReference<LinkedHashMap<String, Object>>() {
                        }));
                return form;
            }).toList());
            m.put("notes", notes.findByCaseIdOrderByCreatedAt(c.getId()).stream().map(n -> Map.<String, Object>of(
                    "kind", n.getKind().name(), "createdAt", String.valueOf(n.getCreatedAt()),
                    "text", cipher.decrypt(n.getBody()))).toList());
            m.put("referrals", referrals.findByCaseIdOrderBySentAt(c.getId()).stream().map(r -> {
                Map<String, Object> ref = new LinkedHashMap<>();
                ref.put("toAgency", r.getToAgencyCode());
                ref.put("reason", r.getReason());
                ref.put("legalBasis", r.getLegalBasis());
                ref.put("status", r.getStatus().name());
                ref.put("sentAt", String.valueOf(r.getSentAt()));
                return ref;
            }).toList());
            m.put("attachments", attachments.findByCaseIdOrderByUploadedAt(c.getId()).stream()
                    .map(CaseAttachment::getFileName).toList());
            m.put("consents", consents.findByCaseIdOrderByRecordedAt(c.getId()).stream().map(this::consent).toList());
            out.add(m);
        }
        for (Consent given : consents.findByPersonIdOrderByRecordedAt(personId)) {
            if (!ownIds.contains(given.getCaseId())) {
                Map<String, Object> m = consent(given);
                m.put("record", "consent given in another child's case");
                out.add(m);
            }
        }
        return out;
    }

    private Map<String, Object> consent(Consent c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("subject", c.getSubject().name());
        m.put("purpose", c.getPurpose());
        m.put("recipientAgency", c.getRecipientAgencyCode());
        m.put("givenOn", String.valueOf(c.getGivenOn()));
        m.put("method", c.getMethod().name());
        m.put("withdrawnAt", c.getWithdrawnAt() == null ? null : c.getWithdrawnAt().toString());
        return m;
    }
}
