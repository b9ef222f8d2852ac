package vn.childguard.intelligence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The graph algorithms on a small known network:
 * <pre>
 *   1 -RECRUITED-> 2 -MEMBER_OF-> 3 -USES-> 4 -CALLED-> 5      6 -PAID-> 7   (8 alone)
 *   1 -CALLED-> 9 -CALLED-> 4            (9 is hidden from "another unit")
 * </pre>
 */
class GraphTests {

    static final LocalDate JAN = LocalDate.of(2026, 1, 10);
    static final LocalDate MAR = LocalDate.of(2026, 3, 10);

    static final List<Graph.Edge> EDGES = List.of(
            new Graph.Edge(101, 1, 2, "RECRUITED", JAN),
            new Graph.Edge(102, 2, 3, "MEMBER_OF", JAN),
            new Graph.Edge(103, 3, 4, "USES", MAR),
            new Graph.Edge(104, 4, 5, "CALLED", MAR),
            new Graph.Edge(105, 6, 7, "PAID", JAN),
            new Graph.Edge(106, 1, 9, "CALLED", MAR),
            new Graph.Edge(107, 9, 4, "CALLED", MAR));

    /** The links in memory, counting how many batches were asked for. */
    static final class InMemory implements Graph.Neighbourhood {
        final Set<Long> hidden;
        int queries;

        InMemory(Set<Long> hidden) {
            this.hidden = hidden;
        }

        @Override
        public List<Graph.Edge> edges(Collection<Long> ids, Graph.Filter filter) {
            queries++;
            List<Graph.Edge> found = new ArrayList<>();
            for (Graph.Edge e : EDGES) {
                boolean touches = ids.contains(e.from()) || ids.contains(e.to());
                boolean type = filter.types().isEmpty() || filter.types().contains(e.type());
                boolean date = (filter.from() == null || !e.observedOn().isBefore(filter.from()))
                        && (filter.to() == null || !e.observedOn().isAfter(filter.to()));
                if (touches && type && date) {
                    found.add(e);
                }
            }
            return found;
        }

        @Override
        public Set<Long> visible(Collection<Long> ids) {
            Set<Long> visible = new HashSet<>(ids);
            visible.removeAll(hidden);
            return visible;
        }
    }

    @Test
    void expandingOneStepGivesTheDirectNeighboursInBothDirections() {
        Graph.Subgraph sub = Graph.expand(new InMemory(Set.of()), 2, 1, Graph.Filter.all(), 100);
        assertThat(sub.depth()).containsOnly(Map.entry(2L, 0), Map.entry(1L, 1), Map.entry(3L, 1));
        assertThat(sub.edges()).extracting(Graph.Edge::linkId).containsExactlyInAnyOrder(101L, 102L);
        assertThat(sub.truncated()).isFalse();
    }

    @Test
    void expandingTwoStepsAddsTheNextRingAndTheLinksAmongTheOutermost() {
        Graph.Subgraph sub = Graph.expand(new InMemory(Set.of()), 1, 2, Graph.Filter.all(), 100);
        assertThat(sub.depth()).containsOnly(Map.entry(1L, 0), Map.entry(2L, 1), Map.entry(9L, 1),
                Map.entry(3L, 2), Map.entry(4L, 2));
        // 3-4 joins two entities of the outer ring
        assertThat(sub.edges()).extracting(Graph.Edge::linkId)
                .containsExactlyInAnyOrder(101L, 102L, 106L, 107L, 103L);
    }

    @Test
    void expansionFollowsOnlyTheChosenLinkTypesAndDates() {
        Graph.Subgraph byType = Graph.expand(new InMemory(Set.of()), 1, 3,
                new Graph.Filter(Set.of("CALLED"), null, null), 100);
        assertThat(byType.depth().keySet()).containsExactlyInAnyOrder(1L, 9L, 4L, 5L);

        Graph.Subgraph byDate = Graph.expand(new InMemory(Set.of()), 1, 3,
                new Graph.Filter(Set.of(), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)), 100);
        assertThat(byDate.depth().keySet()).containsExactlyInAnyOrder(1L, 2L, 3L);
    }

    @Test
    void expansionStopsAtTheCapAndSaysSo() {
        Graph.Subgraph sub = Graph.expand(new InMemory(Set.of()), 1, 3, Graph.Filter.all(), 3);
        assertThat(sub.depth()).hasSize(3);
        assertThat(sub.truncated()).isTrue();
    }

    @Test
    void expansionNeverShowsOrCrossesAHiddenEntity() {
        Graph.Subgraph sub = Graph.expand(new InMemory(Set.of(9L)), 1, 2, Graph.Filter.all(), 100);
        assertThat(sub.depth().keySet()).containsExactlyInAnyOrder(1L, 2L, 3L);
        assertThat(sub.edges()).extracting(Graph.Edge::linkId).doesNotContain(106L, 107L);
    }

    @Test
    void theShortestPathIsFoundFromBothEndsAndRunsInOrder() {
        Graph.Path path = Graph.shortestPath(new InMemory(Set.of()), 1, 5, Graph.Filter.all(), 6, 1000);
        assertThat(path.nodes()).containsExactly(1L, 9L, 4L, 5L);
        assertThat(path.edges()).extracting(Graph.Edge::linkId).containsExactly(106L, 107L, 104L);
    }

    @Test
    void theShortestPathGoesAroundAHiddenEntity() {
        Graph.Path path = Graph.shortestPath(new InMemory(Set.of(9L)), 1, 5, Graph.Filter.all(), 6, 1000);
        assertThat(path.nodes()).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void thereIsNoPathBetweenSeparateGroupsOrBeyondTheMaximumLength() {
        assertThat(Graph.shortestPath(new InMemory(Set.of()), 1, 7, Graph.Filter.all(), 6, 1000).found()).isFalse();
        assertThat(Graph.shortestPath(new InMemory(Set.of()), 1, 5, Graph.Filter.all(), 2, 1000).found()).isFalse();
        assertThat(Graph.shortestPath(new InMemory(Set.of()), 3, 3, Graph.Filter.all(), 6, 1000).nodes())
                .containsExactly(3L);
    }

    @Test
    void degreeRanksTheMostConnectedFirst() {
        List<Long> nodes = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        var ranked = Graph.degrees(nodes, EDGES);
        assertThat(ranked.getFirst()).isEqualTo(Map.entry(4L, 3));
        assertThat(ranked.getLast()).isEqualTo(Map.entry(8L, 0));
    }

    @Test
    void betweennessFindsTheBrokerOnEveryPath() {
        // a star: 1 is on the only path between each pair of 2, 3, 4
        List<Graph.Edge> star = List.of(new Graph.Edge(1, 1, 2, "X", null), new Graph.Edge(2, 1, 3, "X", null),
                new Graph.Edge(3, 4, 1, "X", null));
        Map<Long, Double> b = Graph.betweenness(List.of(1L, 2L, 3L, 4L), star);
        assertThat(b.get(1L)).isEqualTo(3.0);
        assertThat(b.get(2L)).isZero();
        // a line 1-2-3: 2 lies on the one path between 1 and 3
        Map<Long, Double> line = Graph.betweenness(List.of(1L, 2L, 3L),
                List.of(new Graph.Edge(1, 1, 2, "X", null), new Graph.Edge(2, 2, 3, "X", null)));
        assertThat(line).containsEntry(2L, 1.0).containsEntry(1L, 0.0);
    }

    @Test
    void groupsAreTheConnectedComponentsLargestFirst() {
        List<List<Long>> groups = Graph.groups(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L), EDGES);
        assertThat(groups).containsExactly(List.of(1L, 2L, 3L, 4L, 5L, 9L), List.of(6L, 7L), List.of(8L));
    }
}
