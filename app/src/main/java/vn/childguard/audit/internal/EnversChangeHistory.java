package vn.childguard.audit.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.envers.AuditReaderFactory;
import org.hibernate.envers.NotAudited;
import org.hibernate.envers.RevisionType;
import org.hibernate.envers.query.AuditEntity;
import org.springframework.core.convert.ConversionException;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.childguard.audit.ChangeHistory;

/**
 * Change history read from the Envers {@code *_aud} tables. Entities are found through the JPA
 * metamodel and read by reflection, so this module knows other modules' entities only by name.
 */
@Service
@Transactional(readOnly = true)
class EnversChangeHistory implements ChangeHistory {

    /** Entities whose history auditors may browse; all hold reference data or staff accounts. */
    static final Set<String> BROWSABLE = Set.of("Agency", "ReferenceItem", "UserAccount");

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

    private final EntityManager em;
    private final DefaultConversionService conversions = new DefaultConversionService();

    EnversChangeHistory(EntityManager em) {
        this.em = em;
    }

    @Override
    public Set<String> browsable() {
        return BROWSABLE;
    }

    @Override
    public List<Revision> of(Class<?> entityType, Object id) {
        return revisions(em.getMetamodel().entity(entityType), id);
    }

    @Override
    public Optional<List<Revision>> of(String entityName, String id) {
        if (!BROWSABLE.contains(entityName) || id == null) {
            return Optional.empty();
        }
        Optional<EntityType<?>> type = em.getMetamodel().getEntities().stream()
                .filter(e -> e.getName().equals(entityName))
                .findFirst();
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Object key;
        try {
            key = conversions.convert(id, type.get().getIdType().getJavaType());
        } catch (ConversionException e) {
            return Optional.empty();
        }
        return Optional.of(revisions(type.get(), key));
    }

    private List<Revision> revisions(EntityType<?> type, Object id) {
        List<?> rows = AuditReaderFactory.get(em).createQuery()
                .forRevisionsOfEntity(type.getJavaType(), false, true)
                .add(AuditEntity.id().eq(id))
                .addOrder(AuditEntity.revisionNumber().asc())
                .getResultList();
        List<Revision> revisions = new ArrayList<>(rows.size());
        Map<String, String> previous = null;
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            AuditRevision revision = (AuditRevision) columns[1];
            RevisionType kind = (RevisionType) columns[2];
            Map<String, String> values = values(type, columns[0]);
            Set<String> changed = new LinkedHashSet<>();
            if (previous != null && kind == RevisionType.MOD) {
                for (var entry : values.entrySet()) {
                    if (!Objects.equals(previous.get(entry.getKey()), entry.getValue())) {
                        changed.add(entry.getKey());
                    }
                }
            }
            revisions.add(new Revision(revision.getRev(), Instant.ofEpochMilli(revision.getRevtstmp()),
                    revision.getUsername(), Type.valueOf(kind.name()), values, changed));
            previous = values;
        }
        return revisions;
    }

    /** The audited, mapped fields of an entity in declaration order, formatted for display. */
    private static Map<String, String> values(EntityType<?> type, Object entity) {
        Set<String> mapped = type.getAttributes().stream().map(Attribute::getName).collect(Collectors.toSet());
        Map<String, String> values = new LinkedHashMap<>();
        if (entity == null) {
            return values;
        }
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type.getJavaType(); c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.addFirst(c);
        }
        for (Class<?> c : hierarchy) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !mapped.contains(field.getName())
                        || field.isAnnotationPresent(NotAudited.class) || field.isAnnotationPresent(Id.class)
                        || field.isAnnotationPresent(Version.class)) {
                    continue;
                }
                field.setAccessible(true);
                try {
                    values.put(field.getName(), display(field.get(entity)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + field.getName(), e);
                }
            }
        }
        return values;
    }

    private static String display(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate day -> DAY.format(day);
            case Instant instant -> MOMENT.format(instant);
            case Collection<?> items -> items.stream().map(String::valueOf).sorted().collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }
}
