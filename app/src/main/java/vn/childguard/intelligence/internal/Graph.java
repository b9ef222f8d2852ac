package vn.childguard.intelligence.internal;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Graph analysis over links fetched a frontier at a time, never the whole graph: expansion by steps,
 * shortest path (bidirectional breadth-first search, links taken in both directions), and — over a
 * subgraph already shown — degree, betweenness and connected groups. No Spring, no SQL: the
 * {@link Neighbourhood} is the store in the application and a map in the tests.
 */
public final class Graph {

    private Graph() {
    }

    /** A link as traversal sees it. */
    public record Edge(long linkId, long from, long to, String type, LocalDate observedOn) {

        long other(long id) {
            return from == id ? to : from;
        }
    }

    /** Which links to follow: types (empty = all) and the date range (null = open). */
    public record Filter(Set<String> types, LocalDate from, LocalDate to) {

        public Filter {
            types = types == null ? Set.of() : Set.copyOf(types);
        }

        public static Filter all() {
            return new Filter(Set.of(), null, null);
        }
    }

    /** The links touching a batch of entities, and which of a batch of entities may be shown. */
    public interface Neighbourhood {

        /** Every live link (matching the filter) with either end in {@code ids}. */
        List<Edge> edges(Collection<Long> ids, Filter filter);

        /** The subset of {@code ids} that may be traversed and shown. */
        Set<Long> visible(Collection<Long> ids);

        /** The live links (matching the filter) from one of {@code ends} to one of {@code all}. */
        default List<Edge> edgesAmong(Collection<Long> ends, Collection<Long> all, Filter filter) {
            Set<Long> among = Set.copyOf(all);
            return edges(ends, filter).stream().filter(e -> among.contains(e.from()) && among.contains(e.to())).toList();
        }
    }

    /** A subgraph: nodes with their distance from the start, and the links among them. */
    public record Subgraph(Map<Long, Integer> depth, List<Edge> edges, boolean truncated) {
    }

    /**
     * The entities within {@code steps} links of {@code start} (1–3), at most {@code maxNodes}, nearest
     * first; {@code truncated} tells that the cap cut the expansion short.
     */
    public static Subgraph expand(Neighbourhood graph, long start, int steps, Filter filter, int maxNodes) {
        Map<Long, Integer> depth = new LinkedHashMap<>();
        depth.put(start, 0);
        Map<Long, Edge> edges = new LinkedHashMap<>();
        List<Long> frontier = List.of(start);
        boolean truncated = false;
        for (int step = 1; step <= steps && !frontier.isEmpty(); step++) {
            List<Edge> found = graph.edges(frontier, filter);
            Set<Long> candidates = new LinkedHashSet<>();
            for (Edge e : found) {
                for (long end : new long[]{e.from(), e.to()}) {
                    if (!depth.containsKey(end)) {
                        candidates.add(end);
                    }
                }
            }
            Set<Long> visible = candidates.isEmpty() ? Set.of() : graph.visible(candidates);
            List<Long> next = new ArrayList<>();
            for (long c : candidates) {
                if (!visible.contains(c)) {
                    continue;
                }
                if (depth.size() >= maxNodes) {
                    truncated = true;
                    break;
                }
                depth.put(c, step);
                next.add(c);
            }
            for (Edge e : found) {
                if (depth.containsKey(e.from()) && depth.containsKey(e.to())) {
                    edges.putIfAbsent(e.linkId(), e);
                }
            }
            frontier = next;
        }
        // the links among the outermost entities themselves
        if (!frontier.isEmpty()) {
            for (Edge e : graph.edgesAmong(frontier, depth.keySet(), filter)) {
                if (depth.containsKey(e.from()) && depth.containsKey(e.to())) {
                    edges.putIfAbsent(e.linkId(), e);
                }
            }
        }
        return new Subgraph(depth, List.copyOf(edges.values()), truncated);
    }

    /** A shortest path: the entities in order and the links between them; empty when none was found. */
    public record Path(List<Long> nodes, List<Edge> edges, int visited) {

        public boolean found() {
            return !nodes.isEmpty();
        }
    }

    /**
     * A shortest path between two entities, links followed in either direction, at most
     * {@code maxLength} links, giving up after {@code maxVisited} entities. Each round expands the
     * smaller of the two frontiers, one query per round.
     */
    public static Path shortestPath(Neighbourhood graph, long source, long target, Filter filter, int maxLength,
                                    int maxVisited) {
        if (source == target) {
            return new Path(List.of(source), List.of(), 1);
        }
        Map<Long, Edge> fromSource = new HashMap<>();
        Map<Long, Edge> fromTarget = new HashMap<>();
        fromSource.put(source, null);
        fromTarget.put(target, null);
        List<Long> frontierS = List.of(source);
        List<Long> frontierT = List.of(target);
        int length = 0;
        while (!frontierS.isEmpty() && !frontierT.isEmpty() && length < maxLength
                && fromSource.size() + fromTarget.size() < maxVisited) {
            boolean forward = frontierS.size() <= frontierT.size();
            Map<Long, Edge> mine = forward ? fromSource : fromTarget;
            Map<Long, Edge> theirs = forward ? fromTarget : fromSource;
            List<Long> frontier = forward ? frontierS : frontierT;
            Set<Long> frontierSet = new HashSet<>(frontier);
            Map<Long, Edge> reached = new LinkedHashMap<>();
            for (Edge e : graph.edges(frontier, filter)) {
                if (frontierSet.contains(e.from()) && !mine.containsKey(e.to())) {
                    reached.putIfAbsent(e.to(), e);
                }
                if (frontierSet.contains(e.to()) && !mine.containsKey(e.from())) {
                    reached.putIfAbsent(e.from(), e);
                }
            }
            Set<Long> visible = reached.isEmpty() ? Set.of() : graph.visible(reached.keySet());
            List<Long> next = new ArrayList<>();
            Long meeting = null;
            for (Map.Entry<Long, Edge> r : reached.entrySet()) {
                if (!visible.contains(r.getKey())) {
                    continue;
                }
                mine.put(r.getKey(), r.getValue());
                next.add(r.getKey());
                if (meeting == null && theirs.containsKey(r.getKey())) {
                    meeting = r.getKey();
                }
            }
            length++;
            if (meeting != null) {
                return join(meeting, fromSource, fromTarget, fromSource.size() + fromTarget.size());
            }
            if (forward) {
                frontierS = next;
            } else {
                frontierT = next;
            }
        }
        return new Path(List.of(), List.of(), fromSource.size() + fromTarget.size());
    }

    private static Path join(long meeting, Map<Long, Edge> fromSource, Map<Long, Edge> fromTarget, int visited) {
        Deque<Long> nodes = new ArrayDeque<>();
        Deque<Edge> edges = new ArrayDeque<>();
        long at = meeting;
        nodes.add(at);
        for (Edge e = fromSource.get(at); e != null; e = fromSource.get(at)) {
            edges.addFirst(e);
            at = e.other(at);
            nodes.addFirst(at);
        }
        at = meeting;
        for (Edge e = fromTarget.get(at); e != null; e = fromTarget.get(at)) {
            edges.addLast(e);
            at = e.other(at);
            nodes.addLast(at);
        }
        return new Path(List.copyOf(nodes), List.copyOf(edges), visited);
    }

    /** Links per entity within a subgraph, most connected first (ties by id). */
    public static List<Map.Entry<Long, Integer>> degrees(Collection<Long> nodes, Collection<Edge> edges) {
        Map<Long, Integer> degree = new HashMap<>();
        nodes.forEach(n -> degree.put(n, 0));
        for (Edge e : edges) {
            degree.computeIfPresent(e.from(), (k, v) -> v + 1);
            degree.computeIfPresent(e.to(), (k, v) -> v + 1);
        }
        List<Map.Entry<Long, Integer>> ranked = new ArrayList<>(degree.entrySet());
        ranked.sort(Map.Entry.<Long, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        return ranked;
    }

    /**
     * Betweenness centrality within a subgraph (Brandes, unweighted, links in both directions): how
     * often an entity lies on the shortest paths between others — the brokers of a network.
     */
    public static Map<Long, Double> betweenness(Collection<Long> nodes, Collection<Edge> edges) {
        Map<Long, List<Long>> adj = adjacency(nodes, edges);
        Map<Long, Double> centrality = new HashMap<>();
        nodes.forEach(n -> centrality.put(n, 0.0));
        for (long s : adj.keySet()) {
            Deque<Long> stack = new ArrayDeque<>();
            Map<Long, List<Long>> pred = new HashMap<>();
            Map<Long, Double> sigma = new HashMap<>();
            Map<Long, Integer> dist = new HashMap<>();
            sigma.put(s, 1.0);
            dist.put(s, 0);
            Deque<Long> queue = new ArrayDeque<>(List.of(s));
            while (!queue.isEmpty()) {
                long v = queue.poll();
                stack.push(v);
                for (long w : adj.get(v)) {
                    if (!dist.containsKey(w)) {
                        dist.put(w, dist.get(v) + 1);
                        queue.add(w);
                    }
                    if (dist.get(w) == dist.get(v) + 1) {
                        sigma.merge(w, sigma.get(v), Double::sum);
                        pred.computeIfAbsent(w, k -> new ArrayList<>()).add(v);
                    }
                }
            }
            Map<Long, Double> delta = new HashMap<>();
            while (!stack.isEmpty()) {
                long w = stack.pop();
                for (long v : pred.getOrDefault(w, List.of())) {
                    delta.merge(v, sigma.get(v) / sigma.get(w) * (1 + delta.getOrDefault(w, 0.0)), Double::sum);
                }
                if (w != s) {
                    centrality.merge(w, delta.getOrDefault(w, 0.0), Double::sum);
                }
            }
        }
        // each path was counted from both ends
        centrality.replaceAll((k, v) -> v / 2);
        return centrality;
    }

    /** Groups: the connected components of a subgraph, largest first, each sorted by id. */
    public static List<List<Long>> groups(Collection<Long> nodes, Collection<Edge> edges) {
        Map<Long, Long> parent = new HashMap<>();
        nodes.forEach(n -> parent.put(n, n));
        Function<Long, Long> find = new Function<>() {
            @Override
            public Long apply(Long x) {
                Long p = parent.get(x);
                if (p.equals(x)) {
                    return x;
                }
                Long root = apply(p);
                parent.put(x, root);
                return root;
            }
        };
        for (Edge e : edges) {
            if (parent.containsKey(e.from()) && parent.containsKey(e.to())) {
                long a = find.apply(e.from());
                long b = find.apply(e.to());
                if (a != b) {
                    parent.put(Math.max(a, b), Math.min(a, b));
                }
            }
        }
        Map<Long, List<Long>> byRoot = new LinkedHashMap<>();
        nodes.stream().sorted().forEach(n -> byRoot.computeIfAbsent(find.apply(n), k -> new ArrayList<>()).add(n));
        List<List<Long>> groups = new ArrayList<>(byRoot.values());
        groups.sort(Comparator.<List<Long>>comparingInt(List::size).reversed().thenComparing(g -> g.get(0)));
        return groups;
    }

    private static Map<Long, List<Long>> adjacency(Collection<Long> nodes, Collection<Edge> edges) {
        Map<Long, List<Long>> adj = new LinkedHashMap<>();
        nodes.forEach(n -> adj.put(n, new ArrayList<>()));
        Set<String> seen = new HashSet<>();
        for (Edge e : edges) {
            if (e.from() == e.to() || !adj.containsKey(e.from()) || !adj.containsKey(e.to())) {
                continue;
            }
            // parallel links count once for paths
            if (seen.add(Math.min(e.from(), e.to()) + ":" + Math.max(e.from(), e.to()))) {
                adj.get(e.from()).add(e.to());
                adj.get(e.to()).add(e.from());
            }
        }
        return adj;
    }
}
