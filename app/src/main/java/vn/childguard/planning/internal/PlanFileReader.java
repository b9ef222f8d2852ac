package vn.childguard.planning.internal;

import java.io.StringReader;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.AgencyKind;
import vn.childguard.planning.Period;
import vn.childguard.planning.PlanImportException;
import vn.childguard.planning.PlanImportException.Problem;

/**
 * Reads a plan file (format 1, documented in docs/plan-format.md) into an unsaved {@link Plan}.
 * It reads the YAML as a node tree so that every problem names its line, collects all problems
 * before failing, and never returns a partial plan.
 */
class PlanFileReader {

    private final AgencyCatalogue agencies;
    private final List<Problem> problems = new ArrayList<>();

    PlanFileReader(AgencyCatalogue agencies) {
        this.agencies = agencies;
    }

    Plan read(String text, String source, String user, Instant now) {
        Node root;
        String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(10);
            root = new Yaml(options).compose(new StringReader(normalized));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new PlanImportException(List.of(new Problem(line, "-", "planning.import.error.syntax",
                    List.of(String.valueOf(e.getProblem())))));
        } catch (ReaderException e) {
            // a character YAML does not allow (a control character): named by the line it is on
            int line = (int) normalized.substring(0, Math.min(e.getPosition(), normalized.length())).lines().count();
            throw new PlanImportException(List.of(new Problem(Math.max(line, 1), "-", "planning.import.error.syntax",
                    List.of(e.getMessage()))));
        } catch (YAMLException e) {
            throw new PlanImportException(List.of(new Problem(1, "-", "planning.import.error.syntax",
                    List.of(e.getMessage()))));
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new PlanImportException(List.of(new Problem(1, "-", "planning.import.error.notAMapping", List.of())));
        }
        Map<String, Node> doc = fields(mapping, "");
        String format = scalar(doc, "format", "", true);
        if (format != null && !"1".equals(format)) {
            problem(doc.get("format"), "format", "planning.import.error.format", format);
        }
        String code = scalar(doc, "code", "", true);
        String issuer = agency(doc, "issuer", "");
        Plan plan = new Plan(code, issuer, scalar(doc, "issuerName", "", true), scalar(doc, "place", "", true),
                date(doc, "issuedOn", "", true), scalar(doc, "title", "", true), source, now, user);

        for (Map<String, Node> basis : list(doc, "legalBases", "", false)) {
            String path = "legalBases";
            plan.getLegalBases().add(new Plan.LegalBasis(scalar(basis, "citedAs", path, true),
                    scalar(basis, "number", path, true), date(basis, "date", path, false),
                    scalar(basis, "issuer", path, false), scalar(basis, "title", path, false),
                    scalar(basis, "note", path, false)));
        }
        Node purposes = doc.get("purposes");
        if (purposes instanceof SequenceNode seq) {
            for (Node item : seq.getValue()) {
                if (item instanceof ScalarNode s && !s.getValue().isBlank()) {
                    plan.getPurposes().add(s.getValue().strip());
                } else {
                    problem(item, "purposes", "planning.import.error.text");
                }
            }
        }
        Node groups = doc.get("groups");
        if (groups instanceof MappingNode groupMap) {
            for (var tuple : groupMap.getValue()) {
                String groupCode = ((ScalarNode) tuple.getKeyNode()).getValue();
                if (!(tuple.getValueNode() instanceof MappingNode g)) {
                    problem(tuple.getValueNode(), "groups." + groupCode, "planning.import.error.notAMapping");
                    continue;
                }
                Map<String, Node> group = fields(g, "groups." + groupCode);
                String path = "groups." + groupCode;
                List<String> kinds = scalarList(group, "kinds", path);
                for (String kind : kinds) {
                    if (Arrays.stream(AgencyKind.values()).noneMatch(k -> k.name().equals(kind))) {
                        problem(group.get("kinds"), path + ".kinds", "planning.import.error.agencyKind", kind);
                    }
                }
                String parent = group.containsKey("parent") ? agency(group, "parent", path) : null;
                plan.getGroups().add(new Plan.AgencyGroup(groupCode, scalar(group, "nameVi", path, true),
                        scalar(group, "nameEn", path, true), String.join(" ", kinds), parent));
            }
        }
        for (Map<String, Node> entry : list(doc, "schedule", "", true)) {
            Period.Kind kind = enumValue(entry, "period", "schedule", Period.Kind.class);
            Integer dueDays = integer(entry, "dueDays", "schedule", 0, 366);
            if (kind != null && dueDays != null) {
                plan.getSchedule().add(new Plan.ScheduleEntry(kind, dueDays));
            }
        }
        Set<String> taskCodes = new HashSet<>();
        for (Map<String, Node> t : list(doc, "tasks", "", true)) {
            String taskCode = scalar(t, "code", "tasks", true);
            String path = "tasks." + taskCode;
            if (taskCode != null && !taskCodes.add(taskCode)) {
                problem(t.get("code"), path, "planning.import.error.duplicate", taskCode);
            }
            List<String> coordinators = scalarList(t, "coordinators", path);
            for (String c : coordinators) {
                if (c.startsWith("group:")) {
                    if (plan.group(c.substring(6)).isEmpty()) {
                        problem(t.get("coordinators"), path + ".coordinators", "planning.import.error.group", c);
                    }
                } else if (agencies.byCode(c).isEmpty()) {
                    problem(t.get("coordinators"), path + ".coordinators", "planning.import.error.agency", c);
                }
            }
            PlanTask.Kind kind = enumValue(t, "kind", path, PlanTask.Kind.class);
            LocalDate dueOn = date(t, "dueOn", path, kind == PlanTask.Kind.ONE_OFF);
            String reporting = scalar(t, "reporting", path, false);
            PlanTask.Reporting who = PlanTask.Reporting.LEAD;
            if (reporting != null) {
                who = switch (reporting) {
                    case "lead" -> PlanTask.Reporting.LEAD;
                    case "all" -> PlanTask.Reporting.ALL;
                    default -> {
                        problem(t.get("reporting"), path + ".reporting", "planning.import.error.reporting", reporting);
                        yield PlanTask.Reporting.LEAD;
                    }
                };
            }
            PlanTask task = new PlanTask(taskCode, scalar(t, "section", path, false), scalar(t, "text", path, true),
                    agency(t, "lead", path), coordinators, kind, dueOn, who);
            Set<String> indicatorCodes = new HashSet<>();
            for (Map<String, Node> i : list(t, "indicators", path, false)) {
                String indicatorCode = scalar(i, "code", path + ".indicators", true);
                if (indicatorCode != null && !indicatorCodes.add(indicatorCode)) {
                    problem(i.get("code"), path + ".indicators", "planning.import.error.duplicate", indicatorCode);
                }
                String ip = path + ".indicators." + indicatorCode;
                task.addIndicator(new TaskIndicator(indicatorCode, scalar(i, "name", ip, true),
                        scalar(i, "nameEn", ip, true), scalar(i, "unit", ip, true), decimal(i, "target", ip)));
            }
            plan.addTask(task);
        }
        if (!problems.isEmpty()) {
            throw new PlanImportException(problems);
        }
        return plan;
    }

    private Map<String, Node> fields(MappingNode node, String path) {
        Map<String, Node> map = new LinkedHashMap<>();
        for (var tuple : node.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key) {
                map.put(key.getValue(), tuple.getValueNode());
            } else {
                problem(tuple.getKeyNode(), path, "planning.import.error.key");
            }
        }
        // the line of the mapping itself, for "missing field" problems
        map.put("\0line", node);
        return map;
    }

    private List<Map<String, Node>> list(Map<String, Node> map, String key, String path, boolean required) {
        Node node = map.get(key);
        if (node == null) {
            if (required) {
                problem(map.get("\0line"), join(path, key), "planning.import.error.required");
            }
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, join(path, key), "planning.import.error.notAList");
            return List.of();
        }
        List<Map<String, Node>> items = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof MappingNode m) {
                items.add(fields(m, join(path, key)));
            } else {
                problem(item, join(path, key), "planning.import.error.notAMapping");
            }
        }
        return items;
    }

    private String scalar(Map<String, Node> map, String key, String path, boolean required) {
        Node node = map.get(key);
        if (node == null || (node instanceof ScalarNode s && s.getValue().isBlank())) {
            if (required) {
                problem(node == null ? map.get("\0line") : node, join(path, key), "planning.import.error.required");
            }
            return null;
        }
        if (!(node instanceof ScalarNode s)) {
            problem(node, join(path, key), "planning.import.error.text");
            return null;
        }
        return s.getValue().strip();
    }

    private List<String> scalarList(Map<String, Node> map, String key, String path) {
        Node node = map.get(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            problem(node, join(path, key), "planning.import.error.notAList");
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (item instanceof ScalarNode s) {
                values.add(s.getValue().strip());
            } else {
                problem(item, join(path, key), "planning.import.error.text");
            }
        }
        return values;
    }

    private String agency(Map<String, Node> map, String key, String path) {
        String code = scalar(map, key, path, true);
        if (code != null && agencies.byCode(code).isEmpty()) {
            problem(map.get(key), join(path, key), "planning.import.error.agency", code);
        }
        return code;
    }

    private LocalDate date(Map<String, Node> map, String key, String path, boolean required) {
        String value = scalar(map, key, path, required);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(map.get(key), join(path, key), "planning.import.error.date", value);
            return null;
        }
    }

    private Integer integer(Map<String, Node> map, String key, String path, int min, int max) {
        String value = scalar(map, key, path, true);
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        problem(map.get(key), join(path, key), "planning.import.error.range", value, String.valueOf(min),
                String.valueOf(max));
        return null;
    }

    private BigDecimal decimal(Map<String, Node> map, String key, String path) {
        String value = scalar(map, key, path, false);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(value);
            if (number.signum() >= 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problem(map.get(key), join(path, key), "planning.import.error.number", value);
        return null;
    }

    private <E extends Enum<E>> E enumValue(Map<String, Node> map, String key, String path, Class<E> type) {
        String value = scalar(map, key, path, true);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            problem(map.get(key), join(path, key), "planning.import.error.choice", value,
                    Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    private void problem(Node node, String field, String key, String... args) {
        int line = node == null ? 1 : node.getStartMark().getLine() + 1;
        problems.add(new Problem(line, field, key, List.of(args)));
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
