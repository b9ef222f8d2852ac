package vn.childguard.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the two languages in step and the templates free of untranslated text: every key exists in
 * both bundles of its module, every static key a template uses exists, and no template shows text
 * that does not come from a bundle.
 */
class MessageBundlesTests {

    static final Path I18N = Path.of("src/main/resources/i18n");
    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    /** Words that are the same in both languages. */
    static final Set<String> UNTRANSLATED = Set.of("ChildGuard");

    @Test
    void vietnameseAndEnglishBundlesHaveTheSameKeysAndNoEmptyValues() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path vi : files.filter(p -> p.getFileName().toString().endsWith("_vi.properties")).toList()) {
                Path en = vi.resolveSibling(vi.getFileName().toString().replace("_vi.", "_en."));
                Properties viProps = load(vi);
                Properties enProps = load(en);
                Set<String> onlyVi = new TreeSet<>(viProps.stringPropertyNames());
                onlyVi.removeAll(enProps.stringPropertyNames());
                Set<String> onlyEn = new TreeSet<>(enProps.stringPropertyNames());
                onlyEn.removeAll(viProps.stringPropertyNames());
                onlyVi.forEach(k -> problems.add(en.getFileName() + " lacks " + k));
                onlyEn.forEach(k -> problems.add(vi.getFileName() + " lacks " + k));
                viProps.forEach((k, v) -> {
                    if (v.toString().isBlank()) {
                        problems.add(vi.getFileName() + " has an empty " + k);
                    }
                });
                enProps.forEach((k, v) -> {
                    if (v.toString().isBlank()) {
                        problems.add(en.getFileName() + " has an empty " + k);
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyStaticMessageKeyInTemplatesExists() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.list(I18N)) {
            for (Path vi : files.filter(p -> p.getFileName().toString().endsWith("_vi.properties")).toList()) {
                keys.addAll(load(vi).stringPropertyNames());
            }
        }
        Pattern key = Pattern.compile("#\\{([A-Za-z][\\w.]*)(\\(|})");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = key.matcher(Files.readString(template));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesShowNoTextThatIsNotFromTheBundles() throws IOException {
        Pattern text = Pattern.compile(">([^<>]+)<");
        Pattern literalAttribute = Pattern.compile("\\s(alt|title|placeholder|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher m = text.matcher(html);
            while (m.find()) {
                String visible = m.group(1).strip();
                if (visible.isEmpty() || !visible.matches("(?s).*\\p{L}.*") || UNTRANSLATED.contains(visible)) {
                    continue;
                }
                String tag = html.substring(html.lastIndexOf('<', m.start()), m.start() + 1);
                boolean replaced = tag.startsWith("<") && !tag.startsWith("</")
                        && (tag.contains("th:text") || tag.contains("th:utext") || tag.contains("th:replace") || tag.contains("th:errors"));
                if (!replaced) {
                    problems.add(TEMPLATES.relativize(template) + ": \"" + visible + "\" after " + tag);
                }
            }
            Matcher a = literalAttribute.matcher(html);
            while (a.find()) {
                problems.add(TEMPLATES.relativize(template) + ": literal " + a.group(1) + "=\"" + a.group(2) + "\"");
            }
        }
        assertThat(problems).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
