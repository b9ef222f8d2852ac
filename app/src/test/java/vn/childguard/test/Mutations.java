package vn.childguard.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A small mutation fuzzer for the parsers: from a valid sample it makes thousands of broken variants
 * (bytes flipped, cut, repeated, swapped, and tokens that parsers trip over inserted: quotes,
 * separators, line ends, NUL, a BOM, malformed UTF-8, YAML anchors, spreadsheet formulas). The seed
 * is fixed so the build is repeatable; a failure prints it and saves the input in
 * {@code target/fuzz-failures}. Explore with another {@code -Dchildguard.fuzz.seed=...} and widen a
 * run with {@code -Dchildguard.fuzz.runs=...}.
 *
 * <p>jqwik would be the usual tool, but its 1.x line runs on JUnit Platform 1 while Spring Boot 4
 * brings Platform 6, and its licence now asks not to be used with AI agents.
 */
public final class Mutations {

    public static final long SEED = Long.getLong("childguard.fuzz.seed", 20261129L);
    public static final int RUNS = Integer.getInteger("childguard.fuzz.runs", 1_500);

    private static final byte[][] TOKENS = {bytes(","), bytes("\""), bytes("\"\""), bytes("\r\n"), bytes("\n"),
        bytes("\r"), {0}, bytes("\uFEFF"), {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xE1, (byte) 0xBB},
        bytes("Nguye\u0302\u0303n Đ"), bytes(": "), bytes("- "), bytes("&a "), bytes("*a "), bytes("!!binary "),
        bytes("{"), bytes("["), bytes("#"), bytes("\t"), bytes("=SUM(A1)"), bytes("<x>"), bytes("9999-99-99"),
        bytes("-1"), bytes("99999999999999999999"), bytes("PK\u0003\u0004")};

    private Mutations() {
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One to four random edits of the sample. */
    public static byte[] mutate(byte[] sample, Random random) {
        byte[] data = sample.clone();
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = data.length == 0 ? 0 : random.nextInt(data.length);
            switch (random.nextInt(6)) {
                case 0 -> {
                    if (data.length > 0) {
                        data[at] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> data = splice(data, at, Math.min(data.length, at + random.nextInt(32)), new byte[0]);
                case 2 -> data = splice(data, at, at, TOKENS[random.nextInt(TOKENS.length)]);
                case 3 -> {
                    int end = Math.min(data.length, at + random.nextInt(64));
                    byte[] chunk = Arrays.copyOfRange(data, at, end);
                    data = splice(data, at, at, chunk.length == 0 ? chunk : repeat(chunk, 1 + random.nextInt(50)));
                }
                case 4 -> data = Arrays.copyOf(data, at);
                default -> {
                    if (data.length > 1) {
                        int other = random.nextInt(data.length);
                        byte b = data[at];
                        data[at] = data[other];
                        data[other] = b;
                    }
                }
            }
        }
        return data;
    }

    /**
     * Runs {@code parse} on {@link #RUNS} mutations (or {@code runs}) of the sample; {@code expected}
     * tells the parser's documented refusal from a crash. Answers the first crash, or null.
     */
    public static String firstCrash(String name, byte[] sample, int runs, Parser parse, Predicate<Throwable> expected)
            throws IOException {
        Random random = new Random(SEED ^ name.hashCode());
        for (int i = 0; i < runs; i++) {
            byte[] input = mutate(sample, random);
            try {
                parse.parse(input);
            } catch (Throwable thrown) {
                if (!expected.test(thrown)) {
                    Path saved = Path.of("target/fuzz-failures", name + "-" + SEED + "-" + i);
                    Files.createDirectories(saved.getParent());
                    Files.write(saved, input);
                    return name + " crashed on mutation " + i + " of seed " + SEED + " (input saved in " + saved + ", "
                            + HexFormat.of().formatHex(input, 0, Math.min(input.length, 64)) + "…): " + thrown;
                }
            }
        }
        return null;
    }

    /** A parser under test. */
    public interface Parser {
        void parse(byte[] input) throws Exception;
    }

    private static byte[] splice(byte[] data, int from, int to, byte[] insert) {
        byte[] out = new byte[data.length - (to - from) + insert.length];
        System.arraycopy(data, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(data, to, out, from + insert.length, data.length - to);
        return out;
    }

    private static byte[] repeat(byte[] chunk, int times) {
        byte[] out = new byte[chunk.length * times];
        for (int i = 0; i < times; i++) {
            System.arraycopy(chunk, 0, out, i * chunk.length, chunk.length);
        }
        return out;
    }
}
