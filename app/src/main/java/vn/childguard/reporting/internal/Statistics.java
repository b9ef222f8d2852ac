package vn.childguard.reporting.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics service: counts over reporting's read model along the dimensions of DOMAIN.md §8,
 * for a period of opening (month, quarter, half-year, year or any custom range), a population
 * (child-protection cases, trafficking cases, victims...) and filters on any dimension. Nothing is
 * typed in: every figure is a count of case facts copied from the modules. Aggregates only — who may
 * ask is the caller's decision.
 */
@Service
public class Statistics {

    /** Whose facts are counted. */
    public enum Population {
        ALL_CASES("1 = 1"),
        CHILD_PROTECTION("f.kind = 'CP'"),
        TRAFFICKING("f.kind = 'TC'"),
        /** Victims and presumed victims of trafficking (every case not found "not a victim"). */
        VICTIMS("f.kind = 'TC' and f.victim"),
        IDENTIFIED_VICTIMS("f.kind = 'TC' and f.identified_on is not null"),
        SUPPORTED_VICTIMS("f.kind = 'TC' and f.victim and f.supported"),
        OPEN_CHILD_PROTECTION("f.kind = 'CP' and f.open_case");

        final String where;

        Population(String where) {
            this.where = where;
        }
    }

    /**
     * A dimension: a column of the fact table, a multi-valued code list of {@code rpt_case_code}, or a
     * period bucket of the opening day.
     */
    public enum Dimension {
        YEAR(null, null), HALF_YEAR(null, null), QUARTER(null, null), MONTH(null, null),
        KIND("f.kind", null), COMMUNE("f.commune_code", null), AGENCY("f.agency_code", null), SEX("f.sex", null),
        AGE_VN("f.age_band_vn", null), AGE_CTDC("f.age_band_ctdc", null), ETHNICITY("f.ethnicity", null),
        CITIZENSHIP("f.citizenship", null), STATUS("f.status", null), RETURN_MODE("f.return_mode", null),
        EXPLOITATION(null, "EXPLOITATION"), DESTINATION(null, "DESTINATION"), TRANSIT(null, "TRANSIT"),
        CONTROL(null, "CONTROL"), SUPPORT(null, "SUPPORT");

        final String column;
        final String codeList;

        Dimension(String column, String codeList) {
            this.column = column;
            this.codeList = codeList;
        }

        public boolean isPeriod() {
            return column == null && codeList == null;
        }
    }

    /** What is counted: cases (rows) or distinct people. */
    public enum Measure { CASES, PEOPLE }

    /**
     * @param from    first opening day counted (inclusive), null for no lower bound
     * @param to      last opening day counted (inclusive), null for no upper bound
     * @param filters dimension → code that a counted case must have ({@code UNKNOWN} for a missing value)
     * @param groupBy the dimension of the answer
     */
    public record Query(Population population, Measure measure, LocalDate from, LocalDate to,
                        Map<Dimension, String> filters, Dimension groupBy) {

        public Query {
            Objects.requireNonNull(population, "population");
            Objects.requireNonNull(measure, "measure");
            Objects.requireNonNull(groupBy, "groupBy");
            filters = filters == null ? Map.of() : Map.copyOf(filters);
            if (filters.keySet().stream().anyMatch(Dimension::isPeriod)) {
                throw new IllegalArgumentException("filter periods with from/to");
            }
        }

        public static Query of(Population population, LocalDate from, LocalDate to, Dimension groupBy) {
            return new Query(population, Measure.CASES, from, to, Map.of(), groupBy);
        }

        public Query where(Dimension dimension, String code) {
            Map<Dimension, String> more = new EnumMap<>(Dimension.class);
            more.putAll(filters);
            more.put(dimension, code);
            return new Query(population, measure, from, to, more, groupBy);
        }

        public Query people() {
            return new Query(population, Measure.PEOPLE, from, to, filters, groupBy);
        }
    }

    public static final String UNKNOWN = "UNKNOWN";

    private final JdbcTemplate jdbc;

    Statistics(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Code → count, largest first for categories, in time order for periods; codes with no case are absent.
     * The facts change only when the read model is rebuilt, so answers are kept until the next build
     * (a dashboard asks some twenty of them at every view).
     */
    @Transactional(readOnly = true)
    public Map<String, Long> count(Query q) {
        Instant built = jdbc.query("select refreshed_at from rpt_refresh where id = 1",
                (rs, n) -> rs.getObject(1, OffsetDateTime.class)).stream().filter(Objects::nonNull)
                .map(OffsetDateTime::toInstant).findFirst().orElse(Instant.EPOCH);
        Answers current = answers;
        if (!current.built().equals(built) || current.counts().size() > MAX_KEPT) {
            current = new Answers(built, new ConcurrentHashMap<>());
            answers = current;
        }
        // a copy: callers may add to what they get
        return new LinkedHashMap<>(current.counts().computeIfAbsent(q, this::countNow));
    }

    private record Answers(Instant built, Map<Query, Map<String, Long>> counts) {
    }

    private static final int MAX_KEPT = 2_000;
    private volatile Answers answers = new Answers(Instant.EPOCH, new ConcurrentHashMap<>());

    private Map<String, Long> countNow(Query q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where ").append(q.population().where);
        if (q.from() != null) {
            where.append(" and f.opened_on >= ?");
            args.add(q.from());
        }
        if (q.to() != null) {
            where.append(" and f.opened_on <= ?");
            args.add(q.to());
        }
        for (Map.Entry<Dimension, String> filter : q.filters().entrySet()) {
            Dimension d = filter.getKey();
            if (d.codeList != null) {
                where.append(" and exists (select 1 from rpt_case_code x where x.kind = f.kind and x.case_id = f.case_id"
                        + " and x.dimension = ? and x.code = ?)");
                args.add(d.codeList);
                args.add(filter.getValue());
            } else if (UNKNOWN.equals(filter.getValue())) {
                where.append(" and (").append(d.column).append(" is null or ").append(d.column).append(" = 'UNKNOWN')");
            } else {
                where.append(" and ").append(d.column).append(" = ?");
                args.add(filter.getValue());
            }
        }
        String measure = q.measure() == Measure.PEOPLE ? "count(distinct f.person_id)" : "count(*)";
        Dimension g = q.groupBy();
        Map<String, Long> out = new LinkedHashMap<>();
        if (g.isPeriod()) {
            if (q.measure() == Measure.PEOPLE) {
                // distinct people per bucket cannot be summed from months: group on the bucket expression
                String bucket = switch (g) {
                    case YEAR -> "f.opened_year * 100";
                    case HALF_YEAR -> "f.opened_year * 100 + (case when f.opened_month <= 6 then 1 else 7 end)";
                    case QUARTER -> "f.opened_year * 100 + ((f.opened_month - 1) / 3) * 3 + 1";
                    default -> "f.opened_year * 100 + f.opened_month";
                };
                jdbc.query("select " + bucket + " b, " + measure + " from rpt_case_fact f" + where + " group by " + bucket
                        + " order by b", rs -> {
                    int b = rs.getInt(1);
                    out.merge(periodCode(g, b / 100, Math.max(1, b % 100)), rs.getLong(2), Long::sum);
                }, args.toArray());
            } else {
                jdbc.query("select f.opened_year, f.opened_month, " + measure + " from rpt_case_fact f" + where
                        + " group by f.opened_year, f.opened_month order by f.opened_year, f.opened_month", rs -> {
                    out.merge(periodCode(g, rs.getInt(1), rs.getInt(2)), rs.getLong(3), Long::sum);
                }, args.toArray());
            }
            return out;
        }
        String sql;
        if (g.codeList != null) {
            // the period on the code rows too: the database reads the period's codes by index, then joins
            StringBuilder on = new StringBuilder(" and x.dimension = ?");
            List<Object> onArgs = new ArrayList<>();
            onArgs.add(g.codeList);
            if (q.from() != null) {
                on.append(" and x.opened_on >= ?");
                onArgs.add(q.from());
            }
            if (q.to() != null) {
                on.append(" and x.opened_on <= ?");
                onArgs.add(q.to());
            }
            sql = "select x.code, " + measure + " n from rpt_case_code x join rpt_case_fact f on f.kind = x.kind "
                    + "and f.case_id = x.case_id" + on + where + " group by x.code order by n desc, x.code";
            args.addAll(0, onArgs);
        } else {
            sql = "select coalesce(" + g.column + ", 'UNKNOWN') c, " + measure + " n from rpt_case_fact f" + where
                    + " group by coalesce(" + g.column + ", 'UNKNOWN') order by n desc, c";
        }
        jdbc.query(sql, rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        }, args.toArray());
        return out;
    }

    /** The total of the query (its groupBy ignored; people counted once however many codes they have). */
    @Transactional(readOnly = true)
    public long total(Query q) {
        return count(new Query(q.population(), q.measure(), q.from(), q.to(), q.filters(), Dimension.KIND))
                .values().stream().mapToLong(Long::longValue).sum();
    }

    static String periodCode(Dimension g, int year, int month) {
        return switch (g) {
            case YEAR -> String.valueOf(year);
            case HALF_YEAR -> year + "-H" + (month <= 6 ? 1 : 2);
            case QUARTER -> year + "-Q" + ((month + 2) / 3);
            default -> String.format("%d-%02d", year, month);
        };
    }
}
