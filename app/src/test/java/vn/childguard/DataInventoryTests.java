package vn.childguard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.util.ClassUtils;
import vn.childguard.organisation.Role;
import vn.childguard.shared.PersonalData;

/**
 * The data inventory for the impact assessment (Decree 356/2025), generated from the {@link PersonalData}
 * annotations so that it cannot drift from the code: {@code docs/data-inventory.md} must equal what the
 * annotations say (rewrite it with {@code -Dchildguard.inventory.write=true}), and every table of the
 * migrations with a column that holds personal data must be declared by an annotation.
 */
class DataInventoryTests {

    static final Path DOC = Path.of("../docs/data-inventory.md");

    /** Column names that hold personal data (identity, contact, documents, register links, free text about a person). */
    static final Set<String> PERSONAL_COLUMNS = Set.of("full_name", "names", "reporter_name", "child_name", "contact_name",
            "contact_phone", "contacts", "reporter_contact", "guardian_contact", "address_text", "place_text", "birth_date",
            "birth_dates", "documents", "document_number", "number", "narrative", "photo", "person_id", "child_person_id",
            "at_risk_person_id", "other_person_id", "aliases", "email", "phone", "traveller_key", "adult_key", "minor_key",
            "client_address");

    /** Tables with such a column name that hold no personal data, and why. */
    static final Map<String, String> NOT_PERSONAL = Map.of(
            "admin_unit", "full_name is the unit's official name",
            "plan_legal_basis", "number is a legal document's number",
            "progress_report", "narrative is an agency's report on plan tasks",
            "prevention_activity", "place_text is where an awareness activity was held");

    record Entry(String module, String owner, PersonalData data) {
    }

    @Test
    void theCommittedInventoryIsTheOneTheAnnotationsGenerate() throws IOException {
        String generated = markdown(entries());
        if (Boolean.getBoolean("childguard.inventory.write")) {
            Files.writeString(DOC, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(DOC)).as("docs/data-inventory.md exists (write it with -Dchildguard.inventory.write=true)")
                .isTrue();
        assertThat(Files.readString(DOC, StandardCharsets.UTF_8))
                .as("docs/data-inventory.md differs from the annotations: rerun with -Dchildguard.inventory.write=true")
                .isEqualTo(generated);
    }

    @Test
    void everyTableWithPersonalDataColumnsIsDeclaredAndEveryDeclarationNamesATable() {
        Map<String, List<String>> tables = tablesWithPersonalColumns();
        assertThat(tables).as("the migrations were read").containsKeys("person", "cp_case", "intake_report",
                "screening_record", "intel_watchlist_entry", "prevention_student");
        Set<String> declared = entries().stream().map(e -> e.data().table()).collect(Collectors.toSet());
        Set<String> undeclared = tables.keySet().stream()
                .filter(t -> !declared.contains(t) && !NOT_PERSONAL.containsKey(t))
                .map(t -> t + " " + tables.get(t)).collect(Collectors.toCollection(java.util.TreeSet::new));
        assertThat(undeclared).as("tables with personal-data columns but no @PersonalData on the class writing them")
                .isEmpty();
        Set<String> all = allTables().keySet();
        assertThat(declared).as("@PersonalData names tables of the migrations").allMatch(all::contains);
        assertThat(NOT_PERSONAL.keySet()).as("exceptions are still needed").allMatch(tables::containsKey);
    }

    @Test
    void declarationsNameRealRolesAndEachTableOnce() {
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        List<Entry> entries = entries();
        assertThat(entries).allSatisfy(e -> assertThat(roles).containsAll(List.of(e.data().visibleTo())));
        assertThat(entries.stream().map(e -> e.data().table()).distinct().count()).isEqualTo(entries.size());
        assertThat(entries).allSatisfy(e -> assertThat(List.of(e.data().category(), e.data().purpose(),
                e.data().legalBasis(), e.data().retention())).noneMatch(String::isBlank));
    }

    /** Every {@code @PersonalData} on a class under {@code vn.childguard}, by module then table. */
    static List<Entry> entries() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AnnotationTypeFilter(PersonalData.class));
        scanner.addIncludeFilter(new AnnotationTypeFilter(PersonalData.List.class));
        List<Entry> entries = new ArrayList<>();
        for (var definition : scanner.findCandidateComponents("vn.childguard")) {
            Class<?> type = ClassUtils.resolveClassName(definition.getBeanClassName(), DataInventoryTests.class.getClassLoader());
            String module = type.getPackageName().substring("vn.childguard.".length()).split("\\.")[0];
            for (PersonalData data : type.getAnnotationsByType(PersonalData.class)) {
                entries.add(new Entry(module, type.getSimpleName(), data));
            }
        }
        entries.sort(Comparator.comparing(Entry::module).thenComparing(e -> e.data().table()));
        return entries;
    }

    static String markdown(List<Entry> entries) {
        StringBuilder md = new StringBuilder();
        md.append("# Data inventory\n\n")
                .append("Generated by `DataInventoryTests` from the `@PersonalData` annotations in the code: do not edit by hand\n")
                .append("(`./mvnw -o verify -pl app -Dtest=DataInventoryTests -Dchildguard.inventory.write=true`). It is the\n")
                .append("inventory part of the impact assessment (Law 91/2025, Decree 356/2025): what personal data each module\n")
                .append("holds, why, on which legal basis, how long (a record type names a schedule on the `/retention` page) and\n")
                .append("which roles can see it (further limited by agency and area, see `docs/security.md`).\n");
        Map<String, List<Entry>> byModule = entries.stream()
                .collect(Collectors.groupingBy(Entry::module, TreeMap::new, Collectors.toList()));
        byModule.forEach((module, list) -> {
            md.append("\n## ").append(module).append("\n\n")
                    .append("| Table | Data | Sensitive | Purpose | Legal basis | Retention | Visible to | Declared on |\n")
                    .append("|---|---|---|---|---|---|---|---|\n");
            for (Entry e : list) {
                PersonalData d = e.data();
                md.append("| `").append(d.table()).append("` | ").append(cell(d.category())).append(" | ")
                        .append(d.sensitive() ? "yes" : "no").append(" | ").append(cell(d.purpose())).append(" | ")
                        .append(cell(d.legalBasis())).append(" | ").append(cell(d.retention())).append(" | ")
                        .append(String.join(", ", d.visibleTo())).append(" | `").append(e.owner()).append("` |\n");
            }
        });
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    /** Tables of the migrations with the personal-data columns they have. */
    static Map<String, List<String>> tablesWithPersonalColumns() {
        Map<String, List<String>> found = new TreeMap<>();
        allTables().forEach((table, columns) -> {
            List<String> personal = columns.stream().filter(PERSONAL_COLUMNS::contains).toList();
            if (!personal.isEmpty()) {
                found.put(table, personal);
            }
        });
        return found;
    }

    private static final Pattern CREATE = Pattern.compile("create table (\\w+)\\s*\\((.*?)\\n\\);",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD = Pattern.compile("alter table (\\w+) add column (\\w+)", Pattern.CASE_INSENSITIVE);

    /** Columns of every table the migrations create or extend (read from the SQL text, comments removed). */
    static Map<String, List<String>> allTables() {
        Map<String, List<String>> tables = new TreeMap<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:db/**/*.sql")) {
                String sql = r.getContentAsString(StandardCharsets.UTF_8).replaceAll("--[^\\n]*", "");
                Matcher create = CREATE.matcher(sql);
                while (create.find()) {
                    List<String> columns = tables.computeIfAbsent(create.group(1).toLowerCase(), t -> new ArrayList<>());
                    for (String line : create.group(2).split("\\n")) {
                        String first = line.strip().split("\\s+")[0].replace(",", "").toLowerCase();
                        if (!first.isEmpty() && !Set.of("constraint", "primary", "unique", "foreign", "check").contains(first)) {
                            columns.add(first);
                        }
                    }
                }
                Matcher add = ADD.matcher(sql);
                while (add.find()) {
                    tables.computeIfAbsent(add.group(1).toLowerCase(), t -> new ArrayList<>()).add(add.group(2).toLowerCase());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tables;
    }
}
