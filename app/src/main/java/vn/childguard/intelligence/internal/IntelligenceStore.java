package vn.childguard.intelligence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.childguard.shared.PersonalData;

/**
 * The entity, link, sharing, merge and chart tables in plain SQL. Encrypted columns go in and come
 * out encrypted: the service encrypts and decrypts. Graph queries take a batch of ids at a time (in
 * chunks), so traversal never loads the whole graph.
 */
@PersonalData(table = "intel_entity",
        category = "suspects, victims and their links: labels, aliases, attributes (encrypted)",
        purpose = "detecting and prosecuting trafficking",
        legalBasis = "Law 53/2024; Criminal Procedure Code 2015",
        retention = "kept while relevant to a proceeding (not scheduled)",
        visibleTo = {"INTELLIGENCE_OFFICER"})
@Repository
class IntelligenceStore {

    static final int CHUNK = 500;

    record EntityRow(long id, String kind, String label, String aliases, String attributes, Long personId,
                     String unitCode, Double latitude, Double longitude, String ownerAgency, Long mergedInto,
                     String createdBy, Instant createdAt) {
    }

    record LinkRow(long id, long fromId, long toId, String linkType, LocalDate observedOn, String sourceKind,
                   String sourceRef, String reliability, String credibility, String notes, String createdBy,
                   Instant createdAt, Instant retractedAt, String retractedBy, String retractionReason) {
    }

    record MergeRow(long id, long survivorId, long mergedId, String reason, String movedLinks, String mergedBy,
                    Instant mergedAt) {
    }

    record ChartRow(long id, String name, String entityIds, String owner, String agencyCode, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    IntelligenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static OffsetDateTime ts(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static EntityRow entity(ResultSet rs, int n) throws SQLException {
        return new EntityRow(rs.getLong("id"), rs.getString("kind"), rs.getString("label"), rs.getString("aliases"),
                rs.getString("attributes"), longOrNull(rs, "person_id"), rs.getString("unit_code"),
                doubleOrNull(rs, "latitude"), doubleOrNull(rs, "longitude"), rs.getString("owner_agency"),
                longOrNull(rs, "merged_into"), rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static LinkRow link(ResultSet rs, int n) throws SQLException {
        return new LinkRow(rs.getLong("id"), rs.getLong("from_id"), rs.getLong("to_id"), rs.getString("link_type"),
                rs.getObject("observed_on", LocalDate.class), rs.getString("source_kind"), rs.getString("source_ref"),
                rs.getString("reliability"), rs.getString("credibility"), rs.getString("notes"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "retracted_at"),
                rs.getString("retracted_by"), rs.getString("retraction_reason"));
    }

    // --- entities

    long insertEntity(String kind, String label, String aliases, String attributes, Long personId, String unitCode,
                      Double latitude, Double longitude, String ownerAgency, String createdBy, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into intel_entity (kind, label, aliases, attributes, person_id, unit_code, latitude, longitude, "
                        + "owner_agency, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?)")
                .params(kind, label, aliases, attributes, personId, unitCode, latitude, longitude, ownerAgency,
                        createdBy, ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<EntityRow> findEntity(long id) {
        return jdbc.sql("select * from intel_entity where id = ?").param(id).query(IntelligenceStore::entity).optional();
    }

    List<EntityRow> entities(Collection<Long> ids) {
        List<EntityRow> rows = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            rows.addAll(jdbc.sql("select * from intel_entity where id in (:ids)").param("ids", chunk)
                    .query(IntelligenceStore::entity).list());
        }
        return rows;
    }

    Optional<EntityRow> findPersonEntity(long personId) {
        return jdbc.sql("select * from intel_entity where kind = 'PERSON' and person_id = ? and merged_into is null "
                + "order by id").param(personId).query(IntelligenceStore::entity).stream().findFirst();
    }

    /** Live entities, newest first; {@code agency} null for every entity, else those owned by or shared with it. */
    List<EntityRow> recentEntities(String agency, String kind, int limit) {
        String sql = "select * from intel_entity e where merged_into is null"
                + (kind == null ? "" : " and kind = :kind")
                + (agency == null ? "" : " and (owner_agency = :agency or exists (select 1 from intel_entity_share s "
                + "where s.entity_id = e.id and s.agency_code = :agency))")
                + " order by id desc fetch first " + limit + " rows only";
        var spec = jdbc.sql(sql);
        if (kind != null) {
            spec = spec.param("kind", kind);
        }
        if (agency != null) {
            spec = spec.param("agency", agency);
        }
        return spec.query(IntelligenceStore::entity).list();
    }

    void updateAliases(long id, String aliases) {
        jdbc.sql("update intel_entity set aliases = ? where id = ?").params(aliases, id).update();
    }

    void markMerged(long mergedId, long survivorId) {
        jdbc.sql("update intel_entity set merged_into = ? where id = ?").params(survivorId, mergedId).update();
    }

    /** Re-points the links of the duplicate to the survivor; returns the ids of the links moved. */
    List<Long> moveLinks(long fromEntity, long toEntity) {
        List<Long> ids = jdbc.sql("select id from intel_link where from_id = ? or to_id = ? order by id")
                .params(fromEntity, fromEntity).query(Long.class).list();
        jdbc.sql("update intel_link set from_id = ? where from_id = ?").params(toEntity, fromEntity).update();
        jdbc.sql("update intel_link set to_id = ? where to_id = ?").params(toEntity, fromEntity).update();
        return ids;
    }

    void insertMerge(long survivorId, long mergedId, String reason, String movedLinks, String by, Instant at) {
        jdbc.sql("insert into intel_merge (survivor_id, merged_id, reason, moved_links, merged_by, merged_at) "
                + "values (?,?,?,?,?,?)").params(survivorId, mergedId, reason, movedLinks, by, ts(at)).update();
    }

    List<MergeRow> merges(long entityId) {
        return jdbc.sql("select * from intel_merge where survivor_id = ? or merged_id = ? order by id")
                .params(entityId, entityId)
                .query((rs, n) -> new MergeRow(rs.getLong("id"), rs.getLong("survivor_id"), rs.getLong("merged_id"),
                        rs.getString("reason"), rs.getString("moved_links"), rs.getString("merged_by"),
                        instant(rs, "merged_at"))).list();
    }

    // --- sharing

    void share(long entityId, String agencyCode, String by, Instant at) {
        if (!isShared(entityId, agencyCode)) {
            jdbc.sql("insert into intel_entity_share (entity_id, agency_code, shared_by, shared_at) values (?,?,?,?)")
                    .params(entityId, agencyCode, by, ts(at)).update();
        }
    }

    boolean isShared(long entityId, String agencyCode) {
        return jdbc.sql("select count(*) from intel_entity_share where entity_id = ? and agency_code = ?")
                .params(entityId, agencyCode).query(Long.class).single() > 0;
    }

    List<String> sharedWith(long entityId) {
        return jdbc.sql("select agency_code from intel_entity_share where entity_id = ? order by agency_code")
                .param(entityId).query(String.class).list();
    }

    Set<Long> visibleTo(String agencyCode, Collection<Long> ids) {
        Set<Long> visible = new HashSet<>();
        for (List<Long> chunk : chunks(ids)) {
            visible.addAll(jdbc.sql("select id from intel_entity e where id in (:ids) and merged_into is null and "
                            + "(owner_agency = :agency or exists (select 1 from intel_entity_share s "
                            + "where s.entity_id = e.id and s.agency_code = :agency))")
                    .param("ids", chunk).param("agency", agencyCode).query(Long.class).list());
        }
        return visible;
    }

    // --- links

    long insertLink(long fromId, long toId, String type, LocalDate observedOn, String sourceKind, String sourceRef,
                    String reliability, String credibility, String notes, String by, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into intel_link (from_id, to_id, link_type, observed_on, source_kind, source_ref, reliability, "
                        + "credibility, notes, created_by, created_at) values (?,?,?,?,?,?,?,?,?,?,?)")
                .params(fromId, toId, type, observedOn, sourceKind, sourceRef, reliability, credibility, notes, by,
                        ts(at))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<LinkRow> findLink(long id) {
        return jdbc.sql("select * from intel_link where id = ?").param(id).query(IntelligenceStore::link).optional();
    }

    List<LinkRow> links(Collection<Long> ids) {
        List<LinkRow> rows = new ArrayList<>();
        for (List<Long> chunk : chunks(ids)) {
            rows.addAll(jdbc.sql("select * from intel_link where id in (:ids)").param("ids", chunk)
                    .query(IntelligenceStore::link).list());
        }
        return rows;
    }

    /** Every link of an entity, retracted ones too, newest first. */
    List<LinkRow> linksOf(long entityId) {
        return jdbc.sql("select * from intel_link where from_id = ? or to_id = ? order by id desc")
                .params(entityId, entityId).query(IntelligenceStore::link).list();
    }

    Optional<LinkRow> findLinkBySource(String sourceKind, String sourceRef) {
        return jdbc.sql("select * from intel_link where source_kind = ? and source_ref = ? order by id")
                .params(sourceKind, sourceRef).query(IntelligenceStore::link).stream().findFirst();
    }

    int retract(long id, String by, Instant at, String reason) {
        return jdbc.sql("update intel_link set retracted_at = ?, retracted_by = ?, retraction_reason = ? "
                + "where id = ? and retracted_at is null").params(ts(at), by, reason, id).update();
    }

    /** The live links touching any of {@code ids}, both directions, filtered by type and date. */
    List<Graph.Edge> edges(Collection<Long> ids, Graph.Filter filter) {
        Map<Long, Graph.Edge> edges = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" and retracted_at is null");
        if (!filter.types().isEmpty()) {
            where.append(" and link_type in (:types)");
        }
        if (filter.from() != null) {
            where.append(" and observed_on >= :dateFrom");
        }
        if (filter.to() != null) {
            where.append(" and observed_on <= :dateTo");
        }
        String columns = "select id, from_id, to_id, link_type, observed_on from intel_link where ";
        String sql = columns + "from_id in (:ids)" + where + " union all " + columns + "to_id in (:ids)" + where;
        for (List<Long> chunk : chunks(ids)) {
            var spec = jdbc.sql(sql).param("ids", chunk);
            if (!filter.types().isEmpty()) {
                spec = spec.param("types", List.copyOf(filter.types()));
            }
            if (filter.from() != null) {
                spec = spec.param("dateFrom", filter.from());
            }
            if (filter.to() != null) {
                spec = spec.param("dateTo", filter.to());
            }
            spec.query((rs, n) -> new Graph.Edge(rs.getLong("id"), rs.getLong("from_id"), rs.getLong("to_id"),
                            rs.getString("link_type"), rs.getObject("observed_on", LocalDate.class))).list()
                    .forEach(e -> edges.putIfAbsent(e.linkId(), e));
        }
        return List.copyOf(edges.values());
    }

    /**
     * The live links between {@code ends} and {@code all} (both directions), filtered: the links among
     * entities already shown, without fetching every link of a hub.
     */
    List<Graph.Edge> edgesAmong(Collection<Long> ends, Collection<Long> all, Graph.Filter filter) {
        Map<Long, Graph.Edge> edges = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" and retracted_at is null");
        if (!filter.types().isEmpty()) {
            where.append(" and link_type in (:types)");
        }
        if (filter.from() != null) {
            where.append(" and observed_on >= :dateFrom");
        }
        if (filter.to() != null) {
            where.append(" and observed_on <= :dateTo");
        }
        String columns = "select id, from_id, to_id, link_type, observed_on from intel_link where ";
        String sql = columns + "from_id in (:ends) and to_id in (:all)" + where + " union all " + columns
                + "to_id in (:ends) and from_id in (:all)" + where;
        for (List<Long> chunk : chunks(ends)) {
            for (List<Long> allChunk : chunks(all)) {
                var spec = jdbc.sql(sql).param("ends", chunk).param("all", allChunk);
                if (!filter.types().isEmpty()) {
                    spec = spec.param("types", List.copyOf(filter.types()));
                }
                if (filter.from() != null) {
                    spec = spec.param("dateFrom", filter.from());
                }
                if (filter.to() != null) {
                    spec = spec.param("dateTo", filter.to());
                }
                spec.query((rs, n) -> new Graph.Edge(rs.getLong("id"), rs.getLong("from_id"), rs.getLong("to_id"),
                                rs.getString("link_type"), rs.getObject("observed_on", LocalDate.class))).list()
                        .forEach(e -> edges.putIfAbsent(e.linkId(), e));
            }
        }
        return List.copyOf(edges.values());
    }

    /** Entity id and number of live links, most connected first; {@code agency} null for all entities. */
    List<long[]> mostConnected(String agency, int limit) {
        String visible = agency == null ? "" : " where e.owner_agency = :agency or exists (select 1 from "
                + "intel_entity_share s where s.entity_id = e.id and s.agency_code = :agency)";
        String sql = "select d.entity_id, d.degree from (select entity_id, count(*) as degree from ("
                + "select from_id as entity_id from intel_link where retracted_at is null union all "
                + "select to_id as entity_id from intel_link where retracted_at is null) ends group by entity_id) d "
                + "join intel_entity e on e.id = d.entity_id" + visible
                + " order by d.degree desc, d.entity_id fetch first " + limit + " rows only";
        var spec = jdbc.sql(sql);
        if (agency != null) {
            spec = spec.param("agency", agency);
        }
        return spec.query((rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)}).list();
    }

    // --- charts

    long insertChart(String name, String entityIds, String owner, String agency, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into intel_chart (name, entity_ids, owner, agency_code, created_at) values (?,?,?,?,?)")
                .params(name, entityIds, owner, agency, ts(at)).update(keys, "id");
        return keys.getKey().longValue();
    }

    List<ChartRow> charts(String owner) {
        return jdbc.sql("select * from intel_chart where owner = ? order by id desc").param(owner)
                .query((rs, n) -> new ChartRow(rs.getLong("id"), rs.getString("name"), rs.getString("entity_ids"),
                        rs.getString("owner"), rs.getString("agency_code"), instant(rs, "created_at"))).list();
    }

    Optional<ChartRow> chart(long id) {
        return jdbc.sql("select * from intel_chart where id = ?").param(id)
                .query((rs, n) -> new ChartRow(rs.getLong("id"), rs.getString("name"), rs.getString("entity_ids"),
                        rs.getString("owner"), rs.getString("agency_code"), instant(rs, "created_at"))).optional();
    }

    // --- hotspot figures

    /** PERSON entities with a RECRUITED link going out, per commune of the entity. */
    Map<String, Long> recruitersByCommune() {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select e.unit_code, count(distinct e.id) from intel_entity e join intel_link l on l.from_id = e.id "
                        + "where e.kind = 'PERSON' and e.merged_into is null and e.unit_code is not null "
                        + "and l.link_type = 'RECRUITED' and l.retracted_at is null group by e.unit_code")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    static List<List<Long>> chunks(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        List<List<Long>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            chunks.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return chunks;
    }
}
