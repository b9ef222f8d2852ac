package vn.childguard.matching;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One JMH run comparing, on the same 100,000-entry watchlist and the same screening stream:
 * (a) brute-force Jaro-Winkler, (b) the Lucene baseline, (c) this engine. Throughput mode gives
 * records/second (one operation = one record screened) in the plain methods, the {@code latency*}
 * methods sample per-record latency (p50/p99) in microseconds; {@code *2T} methods run the same
 * work on 2 threads. {@code build*} measure index build time.
 * Run with {@code ./mvnw -f matching/pom.xml -Pbench verify}; see docs/benchmarks.md.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class MatchingBenchmark {

    /** Per-thread position in the record stream, so threads do not contend on a counter. */
    @State(Scope.Thread)
    public static class Cursor {
        Identity[] stream;
        int next;

        @Setup
        public void start() {
            // Copied once: BenchData.get() is synchronized and must stay out of the measured loop.
            stream = BenchData.get().stream;
            next = (int) (Thread.currentThread().threadId() * 7919 % stream.length);
        }

        Identity record() {
            Identity r = stream[next];
            next = next + 1 == stream.length ? 0 : next + 1;
            return r;
        }
    }

    @State(Scope.Benchmark)
    public static class Engine {
        MatchIndex index;

        @Setup(Level.Trial)
        public void build() {
            index = MatchIndex.build(BenchData.get().watchlist);
        }
    }

    @State(Scope.Benchmark)
    public static class Lucene {
        LuceneBaseline lucene;

        @Setup(Level.Trial)
        public void build() {
            lucene = new LuceneBaseline(BenchData.get().watchlist, MatchIndex.build(BenchData.get().watchlist));
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            lucene.close();
        }
    }

    @State(Scope.Benchmark)
    public static class JaroWinkler {
        JaroWinklerBaseline jw;

        @Setup(Level.Trial)
        public void build() {
            jw = new JaroWinklerBaseline(BenchData.get().watchlist);
        }
    }

    @Benchmark
    @Threads(1)
    public List<Match> engine1T(Engine s, Cursor c) {
        return s.index.match(c.record());
    }

    @Benchmark
    @Threads(2)
    public List<Match> engine2T(Engine s, Cursor c) {
        return s.index.match(c.record());
    }

    @Benchmark
    @Threads(1)
    public List<Match> lucene1T(Lucene s, Cursor c) {
        return s.lucene.match(c.record(), MatchIndex.DEFAULT_THRESHOLD);
    }

    @Benchmark
    @Threads(2)
    public List<Match> lucene2T(Lucene s, Cursor c) {
        return s.lucene.match(c.record(), MatchIndex.DEFAULT_THRESHOLD);
    }

    @Benchmark
    @Threads(1)
    public List<String> jaroWinkler1T(JaroWinkler s, Cursor c) {
        return s.jw.match(c.record());
    }

    @Benchmark
    @Threads(2)
    public List<String> jaroWinkler2T(JaroWinkler s, Cursor c) {
        return s.jw.match(c.record());
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Match> latencyEngine1T(Engine s, Cursor c) {
        return s.index.match(c.record());
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Match> latencyEngine2T(Engine s, Cursor c) {
        return s.index.match(c.record());
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Match> latencyLucene1T(Lucene s, Cursor c) {
        return s.lucene.match(c.record(), MatchIndex.DEFAULT_THRESHOLD);
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<Match> latencyLucene2T(Lucene s, Cursor c) {
        return s.lucene.match(c.record(), MatchIndex.DEFAULT_THRESHOLD);
    }

    @Benchmark
    @Threads(1)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<String> latencyJaroWinkler1T(JaroWinkler s, Cursor c) {
        return s.jw.match(c.record());
    }

    @Benchmark
    @Threads(2)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public List<String> latencyJaroWinkler2T(JaroWinkler s, Cursor c) {
        return s.jw.match(c.record());
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public MatchIndex buildEngine() {
        return MatchIndex.build(BenchData.get().watchlist);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public long buildLucene() throws Exception {
        try (LuceneBaseline l = new LuceneBaseline(BenchData.get().watchlist, null)) {
            return l.indexBytes();
        }
    }
}
