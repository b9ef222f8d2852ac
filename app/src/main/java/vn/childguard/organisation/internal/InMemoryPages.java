package vn.childguard.organisation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * Sorting and paging of lists filtered in memory. Diacritic-insensitive search cannot be pushed
 * into SQL portably (H2 and PostgreSQL fold differently), and the lists are small: about a hundred
 * agencies, a few thousand units and users.
 */
final class InMemoryPages {

    private InMemoryPages() {
    }

    /** Sorts by the orders of {@code pageable} that name a known property, else by {@code fallback}. */
    static <T> Page<T> page(List<T> rows, Pageable pageable, Map<String, Comparator<T>> sortable, Sort fallback) {
        Sort sort = Sort.by(pageable.getSort().stream().filter(o -> sortable.containsKey(o.getProperty())).toList());
        if (sort.isUnsorted()) {
            sort = fallback;
        }
        Comparator<T> comparator = null;
        for (Sort.Order order : sort) {
            Comparator<T> next = sortable.get(order.getProperty());
            if (next == null) {
                continue;
            }
            next = order.isAscending() ? next : next.reversed();
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        List<T> sorted = new ArrayList<>(rows);
        if (comparator != null) {
            sorted.sort(comparator);
        }
        int size = pageable.isPaged() ? pageable.getPageSize() : Math.max(sorted.size(), 1);
        int lastPage = Math.max((sorted.size() - 1) / size, 0);
        int number = Math.min(pageable.isPaged() ? pageable.getPageNumber() : 0, lastPage);
        int from = Math.min(number * size, sorted.size());
        int to = Math.min(from + size, sorted.size());
        return new PageImpl<>(sorted.subList(from, to), PageRequest.of(number, size, sort), sorted.size());
    }

    /** Orders text the way a Vietnamese reader expects when diacritics are ignored, ties broken exactly. */
    static <T> Comparator<T> byText(java.util.function.Function<T, String> text) {
        return Comparator.comparing((T t) -> vn.childguard.shared.VietnameseText.fold(text.apply(t)))
                .thenComparing(t -> text.apply(t) == null ? "" : text.apply(t));
    }
}
