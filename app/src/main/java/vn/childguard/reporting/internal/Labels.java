package vn.childguard.reporting.internal;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.childguard.organisation.AgencyCatalogue;
import vn.childguard.organisation.ReferenceLists;

/** Names of the codes of every dimension, in the page's language (codes stay visible when unknown). */
@Component
public class Labels {

    private final MessageSource messages;
    private final ReferenceLists lists;
    private final AgencyCatalogue agencies;
    private final CommuneMap map;

    Labels(MessageSource messages, ReferenceLists lists, AgencyCatalogue agencies, CommuneMap map) {
        this.messages = messages;
        this.lists = lists;
        this.agencies = agencies;
        this.map = map;
    }

    public String of(Statistics.Dimension dimension, String code, Locale locale) {
        if (code == null || Statistics.UNKNOWN.equals(code)) {
            return message("reporting.unknown", locale);
        }
        return switch (dimension) {
            case COMMUNE -> map.name(code);
            case AGENCY -> agency(code, locale);
            case SEX -> message("people.sex." + code, locale);
            case AGE_VN -> message("reporting.age." + code, locale);
            case KIND -> message("reporting.kind." + code, locale);
            case EXPLOITATION -> list("exploitation_form", code, locale);
            case CONTROL -> list("means_of_control", code, locale);
            case DESTINATION, TRANSIT -> list("country", code, locale);
            case CITIZENSHIP -> list("country", code, locale);
            case ETHNICITY -> list("ethnicity", code, locale);
            case SUPPORT -> message("trafficking.benefit." + code, locale);
            case RETURN_MODE -> message("reporting.return." + code, locale);
            case STATUS -> messages.getMessage("casework.status." + code, null,
                    messages.getMessage("trafficking.status." + code, null, code, locale), locale);
            default -> code;
        };
    }

    public String stage(String code, Locale locale) {
        return message("intelligence.stage." + code, locale);
    }

    public String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private String list(String list, String code, Locale locale) {
        Map<String, ReferenceLists.Item> items = cached("list:" + list, () -> lists.items(list).stream()
                .collect(Collectors.toMap(ReferenceLists.Item::code, i -> i, (a, b) -> a)));
        ReferenceLists.Item item = items.get(code);
        return item == null ? code : item.name(locale);
    }

    private String agency(String code, Locale locale) {
        Map<String, String> names = cached("agency:" + code + ":" + locale.getLanguage(),
                () -> Map.of(code, agencies.byCode(code).map(a -> a.name(locale)).orElse(code)));
        return names.get(code);
    }

    /** Reference lists and agency names change rarely: a page may show them up to a minute old. */
    @SuppressWarnings("unchecked")
    private <T> Map<String, T> cached(String key, java.util.function.Supplier<Map<String, T>> load) {
        long now = System.nanoTime();
        Cached entry = cache.get(key);
        if (entry == null || now - entry.loadedAt() > TTL_NANOS) {
            entry = new Cached(load.get(), now);
            cache.put(key, entry);
        }
        return (Map<String, T>) entry.values();
    }

    private record Cached(Map<String, ?> values, long loadedAt) {
    }

    private static final long TTL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
    private final Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();
}
