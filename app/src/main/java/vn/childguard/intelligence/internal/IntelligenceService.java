package vn.childguard.intelligence.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.childguard.audit.AuditEntry;
import vn.childguard.audit.AuditLog;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.organisation.CurrentUser;
import vn.childguard.organisation.ReferenceLists;
import vn.childguard.shared.crypto.DataCipher;

/**
 * Entities, links and the network: every operation checks {@link IntelligencePolicy}, audits the
 * access (every person entity shown, refusals independently so they survive the 403) and keeps labels,
 * aliases, attributes and notes encrypted at rest. Links are retracted, never deleted; merged
 * duplicates keep their row and history.
 */
@Service
@Transactional
public class IntelligenceService {

    static final String ENTITY = "intel_entity";
    static final String LINK = "intel_link";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> RELIABILITY = Set.of("A", "B", "C", "D", "E");
    private static final Set<String> CREDIBILITY = Set.of("1", "2", "3", "4", "5");

    /** What an officer enters for a new entity; {@code attributes} hold the kind's own fields (route, event…). */
    public record NewEntity(String kind, String label, List<String> aliases, Long personId, String unitCode,
                            Double latitude, Double longitude, Map<String, String> attributes) {

        public NewEntity {
            aliases = aliases == null ? List.of() : aliases.stream().filter(a -> a != null && !a.isBlank())
                    .map(String::strip).toList();
            attributes = attributes == null ? Map.of() : Map.copyOf(attributes.entrySet().stream()
                    .filter(e -> e.getValue() != null && !e.getValue().isBlank())
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().strip())));
        }
    }

    /** What an officer enters for a new link. */
    public record NewLink(Long fromId, Long toId, String type, LocalDate observedOn, String source, String sourceRef,
                          String reliability, String credibility, String notes) {
    }

    public record EntitySummary(long id, String kind, String label, String unitCode, String ownerAgency) {
    }

    public record LinkView(long id, long fromId, String fromLabel, long toId, String toLabel, String type,
                           LocalDate observedOn, String source, String sourceRef, String reliability,
                           String credibility, String notes, boolean retracted, String retractedBy,
                           String retractionReason, String createdBy, Instant createdAt) {

        public String grading() {
            return reliability + credibility;
        }
    }

    public record MergeView(long survivorId, long mergedId, String reason, String mergedBy, Instant mergedAt) {
    }

    public record EntityView(long id, String kind, String label, List<String> aliases, Map<String, String> attributes,
                             Long personId, String unitCode, Double latitude, Double longitude, String ownerAgency,
                             Long mergedInto, List<String> sharedWith, List<LinkView> links, List<MergeView> merges) {
    }

    /** A node of the network view: degree and betweenness within the shown subgraph, and its group. */
    public record Node(long id, String kind, String label, int depth, int degree, double betweenness, int group) {
    }

    public record Edge(long id, long from, long to, String type, LocalDate observedOn, String grading) {
    }

    /** What the network view shows; {@code path} lists the entities of a shortest path, when one was asked for. */
    public record NetworkView(List<Node> nodes, List<Edge> links, boolean truncated, List<Long> path) {
    }

    public record Ranked(long id, String kind, String label, long degree) {
    }

    public record ChartSummary(long id, String name, int entities, Instant createdAt) {
    }

    static final java.time.Duration RANKING_TTL = java.time.Duration.ofMinutes(10);

    private record CachedRanking(List<long[]> rows, int limit, Instant at) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, CachedRanking> rankings =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final IntelligenceStore store;
    private final IntelligencePolicy policy;
    private final IntelligenceSettings settings;
    private final DataCipher cipher;
    private final AuditLog audit;
    private final ReferenceLists lists;
    private final AgencyCatalogue agencies;
    private final Clock clock;

    IntelligenceService(IntelligenceStore store, IntelligencePolicy policy, IntelligenceSettings settings,
                        DataCipher cipher, AuditLog audit, ReferenceLists lists, AgencyCatalogue agencies, Clock clock) {
        this.store = store;
        this.policy = policy;
        this.settings = settings;
        this.cipher = cipher;
        this.audit = audit;
        this.lists = lists;
        this.agencies = agencies;
        this.clock = clock;
    }

    // --- access

    /** Refuses (audited) a user who is not a police intelligence officer. */
    void requireOfficer(CurrentUser user, String action, String entityType, Object id) {
        if (!policy.isOfficer(user)) {
            deny(action, entityType, id, "not an intelligence officer");
        }
    }

    void deny(String action, String entityType, Object id, String details) {
        audit.recordIndependently(AuditEntry.of(action, entityType, id, AuditEntry.Outcome.DENIED).withDetails(details));
        throw new AccessDeniedException("intelligence refused");
    }

    private IntelligenceStore.EntityRow visibleEntity(CurrentUser user, long id, String action) {
        requireOfficer(user, action, ENTITY, id);
        IntelligenceStore.EntityRow row = store.findEntity(id).orElseThrow(NoSuchElementException::new);
        if (!policy.canSee(user, row)) {
            deny(action, ENTITY, id, "not shared with the unit");
        }
        return row;
    }

    public boolean isOfficer(CurrentUser user) {
        return policy.isOfficer(user);
    }

    // --- entities

    @Transactional(readOnly = true)
    public List<EntitySummary> recent(CurrentUser user, String kind, int limit) {
        requireOfficer(user, AuditLog.Actions.READ, ENTITY, null);
        String k = kind == null || kind.isBlank() ? null : kind;
        return store.recentEntities(policy.seesAll(user) ? null : user.agencyCode(), k, limit).stream()
                .map(r -> new EntitySummary(r.id(), r.kind(), label(r), r.unitCode(), r.ownerAgency())).toList();
    }

    public long createEntity(CurrentUser user, NewEntity entity) {
        requireOfficer(user, AuditLog.Actions.CREATE, ENTITY, null);
        validate(entity);
        long id = insert(entity, user.agencyCode(), user.username());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("kind=" + entity.kind()));
        return id;
    }

    long insert(NewEntity entity, String ownerAgency, String by) {
        String attributes = entity.attributes().isEmpty() ? null : cipher.encrypt(JSON.writeValueAsString(
                new java.util.TreeMap<>(entity.attributes())));
        String aliases = entity.aliases().isEmpty() ? null : cipher.encrypt(String.join("\n", entity.aliases()));
        return store.insertEntity(entity.kind(), cipher.encrypt(entity.label().strip()), aliases, attributes,
                entity.personId(), blankToNull(entity.unitCode()), entity.latitude(), entity.longitude(), ownerAgency,
                by, clock.instant());
    }

    void validate(NewEntity entity) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (entity.kind() == null || lists.item("intel_entity_kind", entity.kind()).isEmpty()) {
            errors.put("kind", "intelligence.error.kind");
        }
        if (entity.label() == null || entity.label().isBlank()) {
            errors.put("label", "intelligence.error.required");
        } else if (entity.label().length() > 300) {
            errors.put("label", "intelligence.error.tooLong");
        }
        if ("PLACE".equals(entity.kind()) && (entity.unitCode() == null || entity.unitCode().isBlank())) {
            errors.put("unitCode", "intelligence.error.required");
        }
        if (entity.latitude() != null && (entity.latitude() < -90 || entity.latitude() > 90)) {
            errors.put("latitude", "intelligence.error.coordinate");
        }
        if (entity.longitude() != null && (entity.longitude() < -180 || entity.longitude() > 180)) {
            errors.put("longitude", "intelligence.error.coordinate");
        }
        if ("ROUTE".equals(entity.kind())) {
            for (String field : List.of("origin", "destination")) {
                if (!entity.attributes().containsKey(field)) {
                    errors.put(field, "intelligence.error.required");
                }
            }
        }
        if (entity.personId() != null && !"PERSON".equals(entity.kind())) {
            errors.put("personId", "intelligence.error.personOnly");
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
    }

    /** An entity with its links; a person entity's view is audited as a read of personal data. */
    public EntityView entity(CurrentUser user, long id) {
        IntelligenceStore.EntityRow row = visibleEntity(user, id, AuditLog.Actions.READ);
        auditView(row, "entity");
        List<IntelligenceStore.LinkRow> links = store.linksOf(id);
        Set<Long> others = new LinkedHashSet<>();
        links.forEach(l -> {
            others.add(l.fromId());
            others.add(l.toId());
        });
        Set<Long> visible = policy.visible(user, others);
        Map<Long, IntelligenceStore.EntityRow> rows = byId(store.entities(visible));
        rows.put(row.id(), row);
        List<LinkView> linkViews = links.stream()
                .filter(l -> rows.containsKey(l.fromId()) && rows.containsKey(l.toId()))
                .map(l -> linkView(l, rows)).toList();
        List<MergeView> merges = store.merges(id).stream()
                .map(m -> new MergeView(m.survivorId(), m.mergedId(), cipher.decrypt(m.reason()), m.mergedBy(), m.mergedAt())).toList();
        return new EntityView(row.id(), row.kind(), label(row), aliases(row), attributes(row), row.personId(),
                row.unitCode(), row.latitude(), row.longitude(), row.ownerAgency(), row.mergedInto(),
                store.sharedWith(id), linkViews, merges);
    }

    private void auditView(IntelligenceStore.EntityRow row, String purpose) {
        if ("PERSON".equals(row.kind())) {
            audit.record(AuditEntry.of(AuditLog.Actions.READ, ENTITY, row.id(), AuditEntry.Outcome.SUCCESS)
                    .withPurpose("intelligence").withDetails(purpose));
        }
    }

    /** Shares an entity with another police unit (need to know). */
    public void share(CurrentUser user, long id, String agencyCode) {
        IntelligenceStore.EntityRow row = visibleEntity(user, id, AuditLog.Actions.UPDATE);
        boolean police = agencyCode != null && agencies.byCode(agencyCode).map(a -> a.kind() == AgencyKind.POLICE)
                .orElse(false);
        if (!police) {
            throw new IntelligenceRuleException.Invalid(Map.of("agencyCode", "intelligence.error.policeUnit"));
        }
        store.share(row.id(), agencyCode, user.username(), clock.instant());
        rankings.remove(agencyCode);
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, id, AuditEntry.Outcome.SUCCESS)
                .withDetails("shared with " + agencyCode));
    }

    /**
     * Merges a duplicate person entity into the survivor: the links move, the aliases join the
     * survivor's (with the duplicate's label), the duplicate keeps its row marked as merged, and the
     * merge is recorded with the links moved.
     */
    public void merge(CurrentUser user, long survivorId, long duplicateId, String reason) {
        IntelligenceStore.EntityRow survivor = visibleEntity(user, survivorId, AuditLog.Actions.UPDATE);
        IntelligenceStore.EntityRow duplicate = visibleEntity(user, duplicateId, AuditLog.Actions.UPDATE);
        if (reason == null || reason.isBlank()) {
            throw new IntelligenceRuleException.Invalid(Map.of("reason", "intelligence.error.required"));
        }
        if (survivorId == duplicateId || !"PERSON".equals(survivor.kind()) || !"PERSON".equals(duplicate.kind())
                || survivor.mergedInto() != null || duplicate.mergedInto() != null) {
            throw new IntelligenceRuleException("intelligence.error.merge");
        }
        Set<String> aliases = new LinkedHashSet<>(aliases(survivor));
        aliases.add(label(duplicate));
        aliases.addAll(aliases(duplicate));
        aliases.remove(label(survivor));
        store.updateAliases(survivorId, aliases.isEmpty() ? null : cipher.encrypt(String.join("\n", aliases)));
        List<Long> moved = store.moveLinks(duplicateId, survivorId);
        rankings.clear();
        store.markMerged(duplicateId, survivorId);
        for (String agency : store.sharedWith(duplicateId)) {
            store.share(survivorId, agency, user.username(), clock.instant());
        }
        store.insertMerge(survivorId, duplicateId, cipher.encrypt(reason.strip()),
                moved.stream().map(String::valueOf).collect(Collectors.joining(",")), user.username(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, ENTITY, survivorId, AuditEntry.Outcome.SUCCESS)
                .withDetails("merged " + duplicateId + ", " + moved.size() + " link(s) moved"));
    }

    /** Person entities that might be the same as this one: the same register person, or the same folded name. */
    @Transactional(readOnly = true)
    public List<EntitySummary> duplicateCandidates(CurrentUser user, long id) {
        IntelligenceStore.EntityRow row = visibleEntity(user, id, AuditLog.Actions.READ);
        if (!"PERSON".equals(row.kind())) {
            return List.of();
        }
        String key = vn.childguard.shared.VietnameseText.fold(label(row));
        List<EntitySummary> candidates = new ArrayList<>();
        for (IntelligenceStore.EntityRow other : store.recentEntities(policy.seesAll(user) ? null : user.agencyCode(),
                "PERSON", 2000)) {
            if (other.id() == id) {
                continue;
            }
            boolean samePerson = row.personId() != null && row.personId().equals(other.personId());
            Set<String> names = new LinkedHashSet<>(aliases(other));
            names.add(label(other));
            boolean sameName = names.stream().anyMatch(n -> vn.childguard.shared.VietnameseText.fold(n).equals(key));
            if (samePerson || sameName) {
                candidates.add(new EntitySummary(other.id(), other.kind(), label(other), other.unitCode(),
                        other.ownerAgency()));
            }
        }
        return candidates;
    }

    // --- links

    public long addLink(CurrentUser user, NewLink link) {
        requireOfficer(user, AuditLog.Actions.CREATE, LINK, null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (link.fromId() == null) {
            errors.put("fromId", "intelligence.error.required");
        }
        if (link.toId() == null) {
            errors.put("toId", "intelligence.error.required");
        }
        if (link.fromId() != null && link.fromId().equals(link.toId())) {
            errors.put("toId", "intelligence.error.selfLink");
        }
        if (link.type() == null || lists.item("intel_link_type", link.type()).isEmpty()) {
            errors.put("type", "intelligence.error.linkType");
        }
        if (link.source() == null || lists.item("intel_source", link.source()).isEmpty()) {
            errors.put("source", "intelligence.error.source");
        }
        if (link.reliability() == null || !RELIABILITY.contains(link.reliability())) {
            errors.put("reliability", "intelligence.error.reliability");
        }
        if (link.credibility() == null || !CREDIBILITY.contains(link.credibility())) {
            errors.put("credibility", "intelligence.error.credibility");
        }
        if (link.observedOn() != null && link.observedOn().isAfter(LocalDate.now(clock))) {
            errors.put("observedOn", "intelligence.error.future");
        }
        if (link.sourceRef() != null && link.sourceRef().length() > 80) {
            errors.put("sourceRef", "intelligence.error.tooLong");
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
        IntelligenceStore.EntityRow from = visibleEntity(user, link.fromId(), AuditLog.Actions.CREATE);
        IntelligenceStore.EntityRow to = visibleEntity(user, link.toId(), AuditLog.Actions.CREATE);
        if (from.mergedInto() != null || to.mergedInto() != null) {
            throw new IntelligenceRuleException("intelligence.error.merged");
        }
        long id = store.insertLink(from.id(), to.id(), link.type(), link.observedOn(), link.source(),
                blankToNull(link.sourceRef()), link.reliability(), link.credibility(),
                link.notes() == null || link.notes().isBlank() ? null : cipher.encrypt(link.notes().strip()),
                user.username(), clock.instant());
        rankings.clear();
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, LINK, id, AuditEntry.Outcome.SUCCESS)
                .withDetails(from.id() + " -" + link.type() + "-> " + to.id() + " " + link.reliability()
                        + link.credibility()));
        return id;
    }

    /** Retracts a link with a reason; it stays on record, out of every analysis. */
    public void retractLink(CurrentUser user, long linkId, String reason) {
        requireOfficer(user, AuditLog.Actions.UPDATE, LINK, linkId);
        IntelligenceStore.LinkRow link = store.findLink(linkId).orElseThrow(NoSuchElementException::new);
        visibleEntity(user, link.fromId(), AuditLog.Actions.UPDATE);
        visibleEntity(user, link.toId(), AuditLog.Actions.UPDATE);
        if (reason == null || reason.isBlank()) {
            throw new IntelligenceRuleException.Invalid(Map.of("reason", "intelligence.error.required"));
        }
        if (store.retract(linkId, user.username(), clock.instant(), cipher.encrypt(reason.strip())) == 0) {
            throw new IntelligenceRuleException("intelligence.error.retracted");
        }
        rankings.clear();
        audit.record(AuditEntry.of(AuditLog.Actions.UPDATE, LINK, linkId, AuditEntry.Outcome.SUCCESS)
                .withDetails("retracted"));
    }

    // --- analysis

    Graph.Neighbourhood neighbourhood(CurrentUser user) {
        return new Graph.Neighbourhood() {
            @Override
            public List<Graph.Edge> edges(Collection<Long> ids, Graph.Filter filter) {
                return store.edges(ids, filter);
            }

            @Override
            public Set<Long> visible(Collection<Long> ids) {
                return policy.visible(user, ids);
            }

            @Override
            public List<Graph.Edge> edgesAmong(Collection<Long> ends, Collection<Long> all, Graph.Filter filter) {
                return store.edgesAmong(ends, all, filter);
            }
        };
    }

    /** The network within {@code steps} (1–3) links of an entity, by link type and date range, capped. */
    public NetworkView expand(CurrentUser user, long id, int steps, Graph.Filter filter) {
        visibleEntity(user, id, AuditLog.Actions.READ);
        if (steps < 1 || steps > 3) {
            throw new IntelligenceRuleException.Invalid(Map.of("steps", "intelligence.error.steps"));
        }
        Graph.Subgraph sub = Graph.expand(neighbourhood(user), id, steps, filter, settings.maxNodes());
        return view(sub.depth(), sub.edges(), sub.truncated(), List.of());
    }

    /** The shortest path between two entities (links in either direction), with the path's entities. */
    public NetworkView path(CurrentUser user, long from, long to, Graph.Filter filter) {
        visibleEntity(user, from, AuditLog.Actions.READ);
        visibleEntity(user, to, AuditLog.Actions.READ);
        Graph.Path path = Graph.shortestPath(neighbourhood(user), from, to, filter, settings.maxPathLength(),
                settings.maxPathVisited());
        Map<Long, Integer> depth = new LinkedHashMap<>();
        for (int i = 0; i < path.nodes().size(); i++) {
            depth.put(path.nodes().get(i), i);
        }
        if (!path.found()) {
            depth.put(from, 0);
            depth.put(to, 0);
        }
        return view(depth, path.edges(), false, path.nodes());
    }

    /** The subgraph of the given entities (a saved chart): those the user sees and the live links among them. */
    public NetworkView subgraph(CurrentUser user, Collection<Long> ids) {
        requireOfficer(user, AuditLog.Actions.READ, ENTITY, null);
        Set<Long> visible = policy.visible(user, ids);
        Map<Long, Integer> depth = new LinkedHashMap<>();
        visible.stream().sorted().forEach(i -> depth.put(i, 0));
        List<Graph.Edge> edges = visible.isEmpty() ? List.of() : store.edgesAmong(visible, visible, Graph.Filter.all());
        return view(depth, edges, false, List.of());
    }

    /**
     * The most connected entities the user sees (live links, whole graph). The count runs over every
     * link (seconds on a million), so it is kept for {@link #RANKING_TTL} per unit and dropped whenever a
     * link changes.
     */
    @Transactional(readOnly = true)
    public List<Ranked> mostConnected(CurrentUser user, int limit) {
        requireOfficer(user, AuditLog.Actions.READ, ENTITY, null);
        String scope = policy.seesAll(user) ? "*" : user.agencyCode();
        Instant now = clock.instant();
        CachedRanking cached = rankings.get(scope);
        if (cached == null || cached.limit() < limit || cached.at().plus(RANKING_TTL).isBefore(now)) {
            cached = new CachedRanking(store.mostConnected("*".equals(scope) ? null : scope, limit), limit, now);
            rankings.put(scope, cached);
        }
        List<long[]> ranked = cached.rows().subList(0, Math.min(limit, cached.rows().size()));
        Map<Long, IntelligenceStore.EntityRow> rows = byId(store.entities(ranked.stream().map(r -> r[0]).toList()));
        List<Ranked> result = new ArrayList<>();
        for (long[] r : ranked) {
            IntelligenceStore.EntityRow row = rows.get(r[0]);
            auditView(row, "ranking");
            result.add(new Ranked(row.id(), row.kind(), label(row), r[1]));
        }
        return result;
    }

    private NetworkView view(Map<Long, Integer> depth, List<Graph.Edge> edges, boolean truncated, List<Long> path) {
        Map<Long, IntelligenceStore.EntityRow> rows = byId(store.entities(depth.keySet()));
        Map<Long, Integer> degree = new HashMap<>();
        Graph.degrees(depth.keySet(), edges).forEach(e -> degree.put(e.getKey(), e.getValue()));
        Map<Long, Double> betweenness = Graph.betweenness(depth.keySet(), edges);
        Map<Long, Integer> group = new HashMap<>();
        List<List<Long>> groups = Graph.groups(depth.keySet(), edges);
        for (int g = 0; g < groups.size(); g++) {
            for (long n : groups.get(g)) {
                group.put(n, g + 1);
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (Map.Entry<Long, Integer> d : depth.entrySet()) {
            IntelligenceStore.EntityRow row = rows.get(d.getKey());
            if (row == null) {
                continue;
            }
            auditView(row, "network");
            nodes.add(new Node(row.id(), row.kind(), label(row), d.getValue(), degree.getOrDefault(row.id(), 0),
                    Math.round(betweenness.getOrDefault(row.id(), 0.0) * 100) / 100.0, group.get(row.id())));
        }
        Map<Long, IntelligenceStore.LinkRow> links = new HashMap<>();
        store.links(edges.stream().map(Graph.Edge::linkId).toList()).forEach(l -> links.put(l.id(), l));
        List<Edge> shown = edges.stream().map(e -> {
            IntelligenceStore.LinkRow l = links.get(e.linkId());
            return new Edge(e.linkId(), e.from(), e.to(), e.type(), e.observedOn(),
                    l == null ? "" : l.reliability() + l.credibility());
        }).toList();
        return new NetworkView(nodes, shown, truncated, path);
    }

    /** The shown nodes and links as CSV (server-side, so the export is audited like any other). */
    public String csv(CurrentUser user, NetworkView view, Locale locale) {
        requireOfficer(user, AuditLog.Actions.EXPORT, ENTITY, null);
        StringBuilder out = new StringBuilder();
        out.append(csvLine(List.of("record", "id", "kind_or_type", "label_or_from", "to", "observed_on", "grading",
                "degree", "betweenness", "group")));
        for (Node n : view.nodes()) {
            out.append(csvLine(List.of("node", String.valueOf(n.id()), n.kind(), n.label(), "", "", "",
                    String.valueOf(n.degree()), String.valueOf(n.betweenness()), String.valueOf(n.group()))));
        }
        for (Edge e : view.links()) {
            out.append(csvLine(List.of("link", String.valueOf(e.id()), e.type(), String.valueOf(e.from()),
                    String.valueOf(e.to()), e.observedOn() == null ? "" : e.observedOn().toString(), e.grading(), "", "",
                    "")));
        }
        audit.record(AuditEntry.of(AuditLog.Actions.EXPORT, ENTITY, null, AuditEntry.Outcome.SUCCESS)
                .withDetails("network CSV: " + view.nodes().size() + " node(s), " + view.links().size() + " link(s)"));
        return out.toString();
    }

    // --- charts

    public long saveChart(CurrentUser user, String name, Collection<Long> ids) {
        requireOfficer(user, AuditLog.Actions.CREATE, "intel_chart", null);
        Map<String, String> errors = new LinkedHashMap<>();
        if (name == null || name.isBlank()) {
            errors.put("name", "intelligence.error.required");
        } else if (name.length() > 200) {
            errors.put("name", "intelligence.error.tooLong");
        }
        Set<Long> visible = ids == null ? Set.of() : policy.visible(user, ids);
        if (visible.isEmpty()) {
            errors.put("ids", "intelligence.error.emptyChart");
        }
        if (!errors.isEmpty()) {
            throw new IntelligenceRuleException.Invalid(errors);
        }
        long id = store.insertChart(name.strip(), visible.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(",")), user.username(), user.agencyCode(), clock.instant());
        audit.record(AuditEntry.of(AuditLog.Actions.CREATE, "intel_chart", id, AuditEntry.Outcome.SUCCESS));
        return id;
    }

    @Transactional(readOnly = true)
    public List<ChartSummary> charts(CurrentUser user) {
        requireOfficer(user, AuditLog.Actions.READ, "intel_chart", null);
        return store.charts(user.username()).stream().map(c -> new ChartSummary(c.id(), c.name(),
                c.entityIds().isEmpty() ? 0 : c.entityIds().split(",").length, c.createdAt())).toList();
    }

    /** A saved chart's entities (its owner's only). */
    public List<Long> chartEntities(CurrentUser user, long chartId) {
        requireOfficer(user, AuditLog.Actions.READ, "intel_chart", chartId);
        IntelligenceStore.ChartRow chart = store.chart(chartId).orElseThrow(NoSuchElementException::new);
        if (!chart.owner().equals(user.username())) {
            deny(AuditLog.Actions.READ, "intel_chart", chartId, "not the owner");
        }
        return Arrays.stream(chart.entityIds().split(",")).filter(s -> !s.isBlank()).map(Long::valueOf).toList();
    }

    public String chartName(long chartId) {
        return store.chart(chartId).map(IntelligenceStore.ChartRow::name).orElse("");
    }

    // --- helpers

    public List<ReferenceLists.Item> items(String list) {
        return lists.items(list);
    }

    String label(IntelligenceStore.EntityRow row) {
        return cipher.decrypt(row.label());
    }

    List<String> aliases(IntelligenceStore.EntityRow row) {
        return row.aliases() == null ? List.of() : List.of(cipher.decrypt(row.aliases()).split("\n"));
    }

    Map<String, String> attributes(IntelligenceStore.EntityRow row) {
        return row.attributes() == null ? Map.of()
                : JSON.readValue(cipher.decrypt(row.attributes()), new TypeReference<LinkedHashMap<String, String>>() {
                });
    }

    private LinkView linkView(IntelligenceStore.LinkRow l, Map<Long, IntelligenceStore.EntityRow> rows) {
        return new LinkView(l.id(), l.fromId(), label(rows.get(l.fromId())), l.toId(), label(rows.get(l.toId())),
                l.linkType(), l.observedOn(), l.sourceKind(), l.sourceRef(), l.reliability(), l.credibility(),
                l.notes() == null ? null : cipher.decrypt(l.notes()), l.retractedAt() != null, l.retractedBy(),
                l.retractionReason() == null ? null : cipher.decrypt(l.retractionReason()), l.createdBy(),
                l.createdAt());
    }

    private static Map<Long, IntelligenceStore.EntityRow> byId(List<IntelligenceStore.EntityRow> rows) {
        Map<Long, IntelligenceStore.EntityRow> map = new HashMap<>();
        rows.forEach(r -> map.put(r.id(), r));
        return map;
    }

    /** One CSV line (RFC 4180 quoting); a cell that a spreadsheet would run as a formula is prefixed with '. */
    static String csvLine(List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i) == null ? "" : cells.get(i);
            if (!cell.isEmpty() && "=+-@\t".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
                cell = "'" + cell;
            }
            if (i > 0) {
                line.append(',');
            }
            line.append(cell.matches(".*[\",\r\n].*") || cell.contains("\n")
                    ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        return line.append("\r\n").toString();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
