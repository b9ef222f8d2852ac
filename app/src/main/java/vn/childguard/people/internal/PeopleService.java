package vn.childguard.people.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.matching.BirthDate;
import vn.childguard.matching.Identity;
import vn.childguard.matching.Match;
import vn.childguard.matching.MatchIndex;
import vn.childguard.matching.Sex;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.OrganisationDirectory;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.people.InvalidPersonException;
import vn.childguard.people.NewPerson;
import vn.childguard.people.PersonAccess;
import vn.childguard.people.PersonCandidate;
import vn.childguard.people.PersonMerged;
import vn.childguard.people.PersonQuery;
import vn.childguard.people.PersonRegister;
import vn.childguard.people.PersonView;
import vn.childguard.shared.crypto.DataCipher;

/**
 * The register of people: registration with validation, reads checked by {@link PeoplePolicy} and
 * the {@link PersonAccess} hooks of other modules, search-before-create on the matching engine,
 * relationships, photos, and the supervisor's de-duplication (merge with history, or dismiss).
 * Every read or change of a person is audited, refusals in their own transaction. Query text and
 * identities are never logged.
 */
@Service
@Transactional
public class PeopleService implements PersonRegister {

    static final String ENTITY = "person";
    static final String SEARCH = "SEARCH";
    static final String MERGE = "MERGE";
    static final String DISMISS = "DISMISS";
    public static final int MAX_PHOTO_BYTES = 2 * 1024 * 1024;
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** A flagged pair for the supervisor: both people as labels, the engine's score and reasons. */
    public record DuplicatePair(long firstId, String firstLabel, String firstUnit, String firstAgency, long secondId,
                                String secondLabel, String secondUnit, String secondAgency, double score,
                                List<String> reasons) {
    }

    /** One merge shown on the survivor's page. */
    public record MergeHistory(long mergedId, String decidedBy, Instant decidedAt) {
    }

    /** What the person page shows beyond the identity. */
    public record PersonDetails(PersonView view, String label, String unitName, String registeringAgency,
                                String registeredBy, Instant registeredAt, Long mergedInto, boolean hasPhoto,
                                List<Relation> relationships, List<MergeHistory> merges) {
    }

    /** A relationship as the page lists it, with the id to remove it. */
    public record Relation(long id, String kind, boolean outgoing, long otherPersonId, String otherLabel) {
    }

    /** A photo read back. */
    public record Photo(String contentType, byte[] content) {
    }

    private final PersonRepository people;
    private final PersonDocumentRepository documents;
    private final PersonRelationshipRepository relationships;
    private final DuplicateDecisionRepository decisions;
    private final PersonIndex index;
    private final PeoplePolicy policy;
    private final ObjectProvider<PersonAccess> access;
    private final OrganisationDirectory directory;
    private final ReferenceLists lists;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    PeopleService(PersonRepository people, PersonDocumentRepository documents,
                  PersonRelationshipRepository relationships, DuplicateDecisionRepository decisions, PersonIndex index,
                  PeoplePolicy policy, ObjectProvider<PersonAccess> access, OrganisationDirectory directory,
                  ReferenceLists lists, DataCipher cipher, AuditLog audit, ApplicationEventPublisher events,
                  MessageSource messages, Clock clock) {
        this.people = people;
        this.documents = documents;
        this.relationships = relationships;
        this.decisions = decisions;
        this.index = index;
        this.policy = policy;
        this.access = access;
        this.directory = directory;
        this.lists = lists;
        this.cipher = cipher;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ registration

    @Override
    public long register(NewPerson person) {
        CurrentUser user = currentUser();
        if (!policy.canRegister(user)) {
            deny(AuditLog.Actions.CREATE, null);
        }
        return registerAs(person, user.username(), user.agencyCode());
    }

    /** Registers on behalf of a named user and agency (demo data, imports); validation as for users. */
    long registerAs(NewPerson p, String username, String agencyCode) {
        LocalDate today = LocalDate.now(clock);
        Map<String, String> errors = PersonValidation.errors(p, today, code -> directory.unitName(code, Locale.ROOT)
                .isPresent());
        if (!PersonValidation.blank(p.ethnicity()) && lists.item("ethnicity", p.ethnicity().strip()).isEmpty()) {
            errors.put("ethnicity", "people.error.ethnicity");
        }
        if (!errors.isEmpty()) {
            throw new InvalidPersonException(errors);
        }
        PersonValidation.Birth birth = PersonValidation.birth(p, today);
        Instant now = clock.instant();
        Person saved = people.saveAndFlush(new Person(cipher.encrypt(p.fullName().strip()), birth.date(), birth.estimated(),
                blankToNull(upper(p.sex())), blankToNull(upper(p.nationality())), blankToNull(p.ethnicity()),
                blankToNull(p.unitCode()), cipher.encrypt(blankToNull(p.addressText())),
                cipher.encrypt(blankToNull(p.contacts())), username, agencyCode, now));
        List<String> numbers = new ArrayList<>();
        for (NewPerson.PersonDocument d : p.documents()) {
            if (d == null || PersonValidation.blank(d.number())) {
                continue;
            }
            String normal = PersonValidation.normaliseDocument(d.number());
            documents.save(new PersonDocumentRow(saved.getId(), d.kind().strip(), cipher.encrypt(normal),
                    cipher.keyedHash(normal)));
            numbers.add(normal);
        }
        audit.record(new AuditEntry(username, agencyCode, AuditLog.Actions.CREATE, ENTITY, saved.getId().toString(),
                null, AuditEntry.Outcome.SUCCESS, null, null));
        Identity identity = identity(saved, p.fullName().strip(), numbers);
        afterCommit(() -> index.applied(List.of(identity), List.of(), 1, 0));
        return saved.getId();
    }

    // ------------------------------------------------------------------ reading

    @Override
    @Transactional(readOnly = true)
    public PersonView read(long personId) {
        CurrentUser user = currentUser();
        Person person = people.findById(personId).orElseThrow(() -> new NoSuchElementException("person " + personId));
        requireRead(user, person);
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, personId, AuditEntry.Outcome.SUCCESS));
        return view(person);
    }

    /** The person page: identity, relationships, photo presence, merge history. Audited as a read. */
    @Transactional(readOnly = true)
    public PersonDetails details(long personId) {
        PersonView view = read(personId);
        Person person = people.findById(personId).orElseThrow();
        List<Relation> relations = relationships.findByPersonIdOrOtherPersonIdOrderById(personId, personId).stream()
                .map(r -> {
                    boolean outgoing = r.getPersonId() == personId;
                    long other = outgoing ? r.getOtherPersonId() : r.getPersonId();
                    return new Relation(r.getId(), r.getKind(), outgoing, other, label(other).orElse("#" + other));
                }).toList();
        List<MergeHistory> merges = decisions.findBySurvivorIdOrderByDecidedAt(personId).stream()
                .map(d -> new MergeHistory(d.mergedId(), d.getDecidedBy(), d.getDecidedAt())).toList();
        return new PersonDetails(view, PersonValidation.label(view.fullName(), view.birthDate()), unitName(view.unitCode()),
                person.getRegisteringAgency(), person.getRegisteredBy(), person.getCreatedAt(), person.getMergedInto(),
                person.hasPhoto(), relations, merges);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> label(long personId) {
        return people.findById(personId).map(p -> PersonValidation.label(cipher.decrypt(p.getFullNameSealed()),
                p.getBirthDate()));
    }

    @Override
    @Transactional(readOnly = true)
    public long survivorOf(long personId) {
        long id = personId;
        Set<Long> seen = new HashSet<>();
        while (seen.add(id)) {
            Optional<Person> p = people.findById(id);
            if (p.isEmpty() || p.get().getMergedInto() == null) {
                return id;
            }
            id = p.get().getMergedInto();
        }
        return id;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Integer> ageOn(long personId, java.time.LocalDate day) {
        return people.findById(personId).map(p -> PersonView.ageOn(p.getBirthDate(), day));
    }

    /** Whether the current user may read the person (no audit): for pages that decide what to show. */
    @Override
    @Transactional(readOnly = true)
    public boolean mayRead(long personId) {
        CurrentUser user = currentUser();
        return people.findById(personId).map(p -> mayRead(user, p)).orElse(false);
    }

    // ------------------------------------------------------------------ search before create

    @Override
    @Transactional(readOnly = true)
    public List<PersonCandidate> candidates(PersonQuery query, int limit) {
        CurrentUser user = currentUser();
        if (!policy.canSearch(user)) {
            deny(SEARCH, null);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        BirthDate birth = BirthDate.UNKNOWN;
        try {
            birth = BirthDate.parse(query.birthDate());
        } catch (IllegalArgumentException e) {
            errors.put("birthDate", "people.error.birthDate.format");
        }
        Sex sex = Sex.UNKNOWN;
        try {
            sex = Sex.parse(query.sex());
        } catch (IllegalArgumentException e) {
            errors.put("sex", "people.error.sex");
        }
        if (!errors.isEmpty()) {
            throw new InvalidPersonException(errors);
        }
        List<String> docs = query.documents().stream().map(PersonValidation::normaliseDocument).filter(d -> !d.isEmpty())
                .toList();
        if (PersonValidation.blank(query.fullName()) && docs.isEmpty() && !birth.isFull()) {
            return List.of();
        }
        Identity probe = new Identity("query", query.fullName(), birth, sex, docs, "");
        List<Match> matches = index().candidates(probe, Math.max(1, Math.min(limit, 50)));
        List<PersonCandidate> out = toCandidates(matches);
        audit.record(AuditEntry.of(SEARCH, ENTITY, null, AuditEntry.Outcome.SUCCESS)
                .withPurpose("search-before-create").withDetails("candidates " + out.size()));
        return out;
    }

    private List<PersonCandidate> toCandidates(List<Match> matches) {
        Map<Long, Person> byId = people.findAllById(matches.stream().map(m -> Long.valueOf(m.entryId())).toList())
                .stream().collect(Collectors.toMap(Person::getId, Function.identity()));
        List<PersonCandidate> out = new ArrayList<>();
        for (Match m : matches) {
            Person p = byId.get(Long.valueOf(m.entryId()));
            if (p == null || p.getMergedInto() != null) {
                continue;
            }
            out.add(candidate(p.getId(), cipher.decrypt(p.getFullNameSealed()), p.getBirthDate(), p.getSex(),
                    unitName(p.getUnitCode()), m, this::message));
        }
        return out;
    }

    /** One engine match as the register shows it (package-visible for the unit tests). */
    static PersonCandidate candidate(long id, String fullName, String birthDate, String sex, String unitName, Match m,
                                     java.util.function.BiFunction<String, Object[], String> message) {
        Integer year = birthDate == null || birthDate.length() < 4 ? null : Integer.valueOf(birthDate.substring(0, 4));
        return new PersonCandidate(id, fullName, year, sex, unitName, m.score(), m.alert(),
                ReasonTexts.texts(m.reasons(), message));
    }

    private String message(String key, Object[] args) {
        return messages.getMessage(key, args, null, LocaleContextHolder.getLocale());
    }

    // ------------------------------------------------------------------ relationships and photo

    public void addRelationship(long personId, long otherPersonId, String kind) {
        CurrentUser user = currentUser();
        Person person = people.findById(personId).orElseThrow(() -> new NoSuchElementException("person " + personId));
        if (!policy.canChange(user) || !mayRead(user, person)) {
            deny(AuditLog.Actions.UPDATE, personId);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        if (kind == null || lists.item("relationship_kind", kind).isEmpty()) {
            errors.put("kind", "people.error.relationship.kind");
        }
        Optional<Person> other = people.findById(otherPersonId);
        if (other.isEmpty() || other.get().getMergedInto() != null) {
            errors.put("otherPersonId", "people.error.relationship.other");
        } else if (otherPersonId == personId) {
            errors.put("otherPersonId", "people.error.relationship.self");
        }
        if (!errors.isEmpty()) {
            throw new InvalidPersonException(errors);
        }
        PersonRelationshipRow saved = relationships.save(new PersonRelationshipRow(personId, otherPersonId, kind,
                user.username(), clock.instant()));
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "person_relationship", saved.getId(), AuditEntry.Outcome.SUCCESS)
                .withDetails("person " + personId + " " + kind + " of person " + otherPersonId));
    }

    /** Records a relationship on behalf of a named user (demo data); the kind must be in the list. */
    void relateAs(long personId, long otherPersonId, String kind, String username) {
        relationships.save(new PersonRelationshipRow(personId, otherPersonId, kind, username, clock.instant()));
    }

    /** Whether a document with this number is registered (normalised, by keyed hash). */
    @Transactional(readOnly = true)
    boolean documentKnown(String number) {
        return !documents.findByNumberHash(cipher.keyedHash(PersonValidation.normaliseDocument(number))).isEmpty();
    }

    public void removeRelationship(long personId, long relationshipId) {
        CurrentUser user = currentUser();
        Person person = people.findById(personId).orElseThrow(() -> new NoSuchElementException("person " + personId));
        PersonRelationshipRow r = relationships.findById(relationshipId)
                .filter(x -> x.getPersonId() == personId || x.getOtherPersonId() == personId)
                .orElseThrow(() -> new NoSuchElementException("relationship " + relationshipId));
        if (!policy.canChange(user) || !mayRead(user, person)) {
            deny(AuditLog.Actions.UPDATE, personId);
        }
        relationships.delete(r);
        audit.record(AuditEntry.of("DELETE", "person_relationship", relationshipId, AuditEntry.Outcome.SUCCESS)
                .withDetails("person " + personId));
    }

    /** Stores a JPEG or PNG photo (checked by its first bytes, at most 2 MB), sealed with the data key. */
    public void uploadPhoto(long personId, byte[] content) {
        CurrentUser user = currentUser();
        Person person = people.findById(personId).orElseThrow(() -> new NoSuchElementException("person " + personId));
        if (!policy.canChange(user) || !mayRead(user, person)) {
            deny(AuditLog.Actions.UPDATE, personId);
        }
        String type = photoType(content);
        person.setPhoto(cipher.seal(content), type, clock.instant());
        people.saveAndFlush(person);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, personId, AuditEntry.Outcome.SUCCESS)
                .withDetails("photo"));
        afterCommit(() -> index.applied(List.of(), List.of(), 0, 1));
    }

    /** The content type of an acceptable photo, or an {@link InvalidPersonException} on field {@code photo}. */
    public static String photoType(byte[] content) {
        if (content == null || content.length == 0) {
            throw new InvalidPersonException("photo", "people.error.photo.empty");
        }
        if (content.length > MAX_PHOTO_BYTES) {
            throw new InvalidPersonException("photo", "people.error.photo.size");
        }
        if (startsWith(content, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(content, PNG)) {
            return "image/png";
        }
        throw new InvalidPersonException("photo", "people.error.photo.type");
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }

    @Transactional(readOnly = true)
    public Photo photo(long personId) {
        CurrentUser user = currentUser();
        Person person = people.findById(personId).orElseThrow(() -> new NoSuchElementException("person " + personId));
        requireRead(user, person);
        if (!person.hasPhoto()) {
            throw new NoSuchElementException("photo of person " + personId);
        }
        audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, personId, AuditEntry.Outcome.SUCCESS).withDetails("photo"));
        return new Photo(person.getPhotoContentType(), cipher.open(person.getPhoto()));
    }

    // ------------------------------------------------------------------ duplicates

    /**
     * Pairs the engine alerts on, for a supervisor: one side registered by the supervisor's agency,
     * the other readable by them; pairs already decided are left out. Audited as a read of the list.
     */
    @Transactional(readOnly = true)
    public List<DuplicatePair> duplicates() {
        CurrentUser user = currentUser();
        if (!policy.canDeduplicate(user)) {
            deny(AuditLog.Actions.READ, "duplicates");
        }
        MatchIndex idx = index();
        List<Person> own = people.findByRegisteringAgencyAndMergedIntoIsNull(user.agencyCode());
        Map<Long, List<String>> docs = documentNumbers(own.stream().map(Person::getId).toList());
        Map<String, Match> pairs = new LinkedHashMap<>();
        for (Person p : own) {
            Identity identity = identity(p, cipher.decrypt(p.getFullNameSealed()), docs.getOrDefault(p.getId(), List.of()));
            for (Match m : idx.match(identity)) {
                long other = Long.parseLong(m.entryId());
                if (other == p.getId()) {
                    continue;
                }
                long a = Math.min(other, p.getId());
                long b = Math.max(other, p.getId());
                pairs.putIfAbsent(a + ":" + b, m);
            }
        }
        List<DuplicatePair> out = new ArrayList<>();
        Map<Long, Optional<Person>> cache = new HashMap<>();
        for (Map.Entry<String, Match> e : pairs.entrySet()) {
            String[] ids = e.getKey().split(":");
            long a = Long.parseLong(ids[0]);
            long b = Long.parseLong(ids[1]);
            if (decisions.existsByFirstIdAndSecondId(a, b)) {
                continue;
            }
            Person pa = cache.computeIfAbsent(a, people::findById).orElse(null);
            Person pb = cache.computeIfAbsent(b, people::findById).orElse(null);
            if (pa == null || pb == null || pa.getMergedInto() != null || pb.getMergedInto() != null
                    || !mayRead(user, pa) || !mayRead(user, pb)) {
                continue;
            }
            Match m = e.getValue();
            out.add(new DuplicatePair(a, labelOf(pa), unitName(pa.getUnitCode()), pa.getRegisteringAgency(), b, labelOf(pb),
                    unitName(pb.getUnitCode()), pb.getRegisteringAgency(), m.score(),
                    ReasonTexts.texts(m.reasons(), this::message)));
        }
        out.sort(Comparator.comparingDouble(DuplicatePair::score).reversed());
        audit.record(AuditEntry.of(AuditLog.Actions.READ, "person_duplicates", null, AuditEntry.Outcome.SUCCESS)
                .withDetails("pairs " + out.size()));
        return out;
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}: documents and relationships move to the
     * survivor, the merged person points at it, the decision is the survivor's history, and
     * {@link PersonMerged} tells other modules to re-point their references.
     */
    public void merge(long survivorId, long mergedId) {
        CurrentUser user = currentUser();
        Person survivor = people.findById(survivorId).orElseThrow(() -> new NoSuchElementException("person " + survivorId));
        Person merged = people.findById(mergedId).orElseThrow(() -> new NoSuchElementException("person " + mergedId));
        if (!policy.canDeduplicate(user) || !mayRead(user, survivor) || !mayRead(user, merged)) {
            deny(MERGE, mergedId);
        }
        if (survivorId == mergedId || survivor.getMergedInto() != null || merged.getMergedInto() != null) {
            throw new InvalidPersonException("survivor", "people.error.merge.state");
        }
        Set<String> kept = new HashSet<>();
        for (PersonDocumentRow d : documents.findByPersonIdOrderById(survivorId)) {
            kept.add(d.getKind() + ":" + d.getNumberHash());
        }
        for (PersonDocumentRow d : documents.findByPersonIdOrderById(mergedId)) {
            if (kept.add(d.getKind() + ":" + d.getNumberHash())) {
                d.moveTo(survivorId);
            } else {
                documents.delete(d);
            }
        }
        Set<String> relations = new HashSet<>();
        for (PersonRelationshipRow r : relationships.findByPersonIdOrOtherPersonIdOrderById(survivorId, survivorId)) {
            relations.add(r.getPersonId() + ":" + r.getOtherPersonId() + ":" + r.getKind());
        }
        for (PersonRelationshipRow r : relationships.findByPersonIdOrOtherPersonIdOrderById(mergedId, mergedId)) {
            r.repoint(mergedId, survivorId);
            if (r.getPersonId() == r.getOtherPersonId()
                    || !relations.add(r.getPersonId() + ":" + r.getOtherPersonId() + ":" + r.getKind())) {
                relationships.delete(r);
            }
        }
        Instant now = clock.instant();
        merged.mergeInto(survivorId, now);
        people.saveAndFlush(merged);
        documents.flush();
        relationships.flush();
        decisions.save(new DuplicateDecision(survivorId, mergedId, DuplicateDecision.Kind.MERGED, survivorId,
                user.username(), now));
        audit.record(AuditEntry.of(MERGE, ENTITY, mergedId, AuditEntry.Outcome.SUCCESS)
                .withDetails("merged into person " + survivorId));
        audit.record(AuditEntry.of(MERGE, ENTITY, survivorId, AuditEntry.Outcome.SUCCESS)
                .withDetails("survivor of person " + mergedId));
        events.publishEvent(new PersonMerged(mergedId, survivorId));
        Identity survivorIdentity = identity(survivor, cipher.decrypt(survivor.getFullNameSealed()),
                documentNumbers(List.of(survivorId)).getOrDefault(survivorId, List.of()));
        afterCommit(() -> index.applied(List.of(survivorIdentity), List.of(String.valueOf(mergedId)), 0, 1));
    }

    /** Records that the two are different people, so the pair is no longer listed. */
    public void dismiss(long firstId, long secondId) {
        CurrentUser user = currentUser();
        Person a = people.findById(firstId).orElseThrow(() -> new NoSuchElementException("person " + firstId));
        Person b = people.findById(secondId).orElseThrow(() -> new NoSuchElementException("person " + secondId));
        if (!policy.canDeduplicate(user) || !mayRead(user, a) || !mayRead(user, b)) {
            deny(DISMISS, firstId + "/" + secondId);
        }
        if (firstId == secondId) {
            throw new InvalidPersonException("second", "people.error.merge.state");
        }
        if (!decisions.existsByFirstIdAndSecondId(Math.min(firstId, secondId), Math.max(firstId, secondId))) {
            decisions.save(new DuplicateDecision(firstId, secondId, DuplicateDecision.Kind.DISMISSED, null,
                    user.username(), clock.instant()));
        }
        audit.record(AuditEntry.of(DISMISS, "person_duplicate", Math.min(firstId, secondId) + "/"
                + Math.max(firstId, secondId), AuditEntry.Outcome.SUCCESS));
    }

    // ------------------------------------------------------------------ helpers

    /** The matching index, rebuilt from the database when the table changed since it was made. */
    MatchIndex index() {
        return index.index(this::allIdentities);
    }

    private List<Identity> allIdentities() {
        List<Person> all = people.findByMergedIntoIsNull();
        Map<Long, List<String>> docs = new HashMap<>();
        for (PersonDocumentRow d : documents.findAll()) {
            docs.computeIfAbsent(d.getPersonId(), k -> new ArrayList<>()).add(cipher.decrypt(d.getNumberSealed()));
        }
        List<Identity> out = new ArrayList<>(all.size());
        for (Person p : all) {
            out.add(identity(p, cipher.decrypt(p.getFullNameSealed()), docs.getOrDefault(p.getId(), List.of())));
        }
        return out;
    }

    private Map<Long, List<String>> documentNumbers(Collection<Long> personIds) {
        Map<Long, List<String>> docs = new HashMap<>();
        if (personIds.isEmpty()) {
            return docs;
        }
        for (PersonDocumentRow d : documents.findByPersonIdIn(personIds)) {
            docs.computeIfAbsent(d.getPersonId(), k -> new ArrayList<>()).add(cipher.decrypt(d.getNumberSealed()));
        }
        return docs;
    }

    private static Identity identity(Person p, String fullName, List<String> documentNumbers) {
        BirthDate birth;
        try {
            birth = BirthDate.parse(p.getBirthDate());
        } catch (IllegalArgumentException e) {
            birth = BirthDate.UNKNOWN;
        }
        Sex sex = "F".equals(p.getSex()) ? Sex.FEMALE : "M".equals(p.getSex()) ? Sex.MALE : Sex.UNKNOWN;
        return new Identity(p.getId().toString(), fullName, birth, sex, documentNumbers, p.getNationality());
    }

    private PersonView view(Person p) {
        List<NewPerson.PersonDocument> docs = documents.findByPersonIdOrderById(p.getId()).stream()
                .map(d -> new NewPerson.PersonDocument(d.getKind(), cipher.decrypt(d.getNumberSealed()))).toList();
        List<PersonView.Relationship> rels = new ArrayList<>();
        for (PersonRelationshipRow r : relationships.findByPersonIdOrOtherPersonIdOrderById(p.getId(), p.getId())) {
            boolean outgoing = r.getPersonId() == p.getId();
            long other = outgoing ? r.getOtherPersonId() : r.getPersonId();
            rels.add(new PersonView.Relationship(r.getKind(), other, label(other).orElse(""), outgoing));
        }
        return new PersonView(p.getId(), cipher.decrypt(p.getFullNameSealed()), p.getBirthDate(), p.isBirthDateEstimated(),
                p.getSex(), docs, p.getNationality(), p.getEthnicity(), p.getUnitCode(), cipher.decrypt(p.getAddressSealed()),
                cipher.decrypt(p.getContactsSealed()), rels);
    }

    private String labelOf(Person p) {
        return PersonValidation.label(cipher.decrypt(p.getFullNameSealed()), p.getBirthDate());
    }

    private String unitName(String code) {
        return code == null ? null : directory.unitName(code, LocaleContextHolder.getLocale()).orElse(code);
    }

    private boolean mayRead(CurrentUser user, Person person) {
        if (policy.readsAsRegisteringAgency(user, person)) {
            return true;
        }
        return access.orderedStream().anyMatch(a -> a.mayRead(user, person.getId()));
    }

    private void requireRead(CurrentUser user, Person person) {
        if (!mayRead(user, person)) {
            deny(AuditLog.Actions.READ, person.getId());
        }
    }

    private CurrentUser currentUser() {
        return directory.currentUser().orElseThrow(() -> new AccessDeniedException("people: no signed-in user"));
    }

    private void deny(String action, Object id) {
        audit.recordIndependently(AuditEntry.of(action, ENTITY, id, AuditEntry.Outcome.DENIED));
        throw new AccessDeniedException("people: " + action + " refused");
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String upper(String s) {
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }
}
