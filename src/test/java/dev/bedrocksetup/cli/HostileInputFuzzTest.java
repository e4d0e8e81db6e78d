package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.json.JsonText;
import dev.bedrocksetup.testing.Examples;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Generated hostile input through the real command line (issue 19, fuzz pass): profile names, regions, model IDs,
 * start URLs, preset documents and settings values made of control characters, bidi overrides, quotes, non-ASCII
 * and long runs. Whatever comes in: the exit code is one of the contract's (0, 2, 3; doctor's 1 means "found
 * problems"), there is no stack trace, an error is one line (and its fix), nothing printed can act on a terminal,
 * and the time taken grows linearly with the input. No AWS is reached: every run is a dry run, --skip-probe, or
 * doctor --offline.
 */
class HostileInputFuzzTest {
    static final String SONNET_US = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";

    private Path dir;
    private TempHome home;

    @BeforeProperty
    void makeHome() throws IOException {
        dir = Files.createTempDirectory("bedrock-setup-fuzz-");
        home = new TempHome(dir).ssoProfiles("dev");
    }

    @AfterProperty
    void removeHome() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** Mostly short values of every kind of character, now and then a long one. */
    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<Character> chars = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.chars().range(' ', '~')),
                net.jqwik.api.Tuple.of(2, Arbitraries.chars().range('\u0000', '\u001f')),
                net.jqwik.api.Tuple.of(1, Arbitraries.chars().range('\u007f', '\u009f')),
                net.jqwik.api.Tuple.of(1, Arbitraries.of('\u202e', '\u2066', '\u200f', 'é', '中', '"', '\\', '\'',
                        '\u2028', '\ufeff')));
        Arbitrary<String> shortOnes = chars.list().ofMaxSize(60).map(HostileInputFuzzTest::join);
        Arbitrary<String> escapes = Arbitraries.of("\u001b]0;owned\u0007", "\u001b[2J", "\u001b]52;c;aGk=\u0007",
                "\u009b31m", "line\r\nforged", "us-west-2\u001b[8m", "dev\u0000");
        Arbitrary<String> longOnes = Arbitraries.integers().between(4000, 9000).map("p"::repeat);
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, shortOnes), net.jqwik.api.Tuple.of(3, escapes),
                net.jqwik.api.Tuple.of(1, longOnes));
    }

    private static String join(List<Character> cs) {
        StringBuilder sb = new StringBuilder();
        cs.forEach(sb::append);
        return sb.toString();
    }

    @Property(tries = 40)
    void profileNames(@ForAll("hostile") String v) {
        check(home.run("init", "--yes", "--profile", v, "--region", "us-west-2", "--model", SONNET_US,
                "--skip-probe", "--dry-run"), Set.of(0, 2));
    }

    @Property(tries = 40)
    void regions(@ForAll("hostile") String v) {
        check(home.run("init", "--yes", "--profile", "dev", "--region", v, "--model", SONNET_US, "--skip-probe",
                "--dry-run"), Set.of(0, 2));
    }

    @Property(tries = 40)
    void modelIds(@ForAll("hostile") String v) {
        check(home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--model", v, "--skip-probe",
                "--dry-run"), Set.of(0, 2));
    }

    @Property(tries = 40)
    void startUrls(@ForAll("hostile") String v) {
        check(home.run("init", "--yes", "--sso-start-url", "https://" + v, "--sso-region", "us-east-1",
                "--account-id", Examples.ACCOUNT, "--role-name", "Dev", "--profile", "fuzz", "--region", "us-west-2",
                "--model", SONNET_US, "--skip-login", "--skip-probe", "--dry-run"), Set.of(0, 2));
    }

    @Property(tries = 40)
    void presetDocuments(@ForAll("hostile") String key, @ForAll("hostile") String value) throws IOException {
        String doc = "{" + JsonText.quote(key.isEmpty() ? "region" : key) + ": " + JsonText.quote(value)
                + ", \"model\": " + JsonText.quote(value) + ", \"max-output-tokens\": " + (value.length() % 3 == 0
                ? "1e" + value.length() : value.length() + ".5") + "}";
        Path preset = home.write("preset.json", doc);
        check(home.run("init", "--yes", "--profile", "dev", "--preset", preset.toString(), "--skip-probe",
                "--dry-run"), Set.of(0, 2));
    }

    @Property(tries = 40)
    void settingsValues(@ForAll("hostile") String key, @ForAll("hostile") String value) throws IOException {
        home.write(".claude/settings.json", "{\"awsAuthRefresh\": " + JsonText.quote(value) + ", \"env\": {"
                + JsonText.quote(key) + ": " + JsonText.quote(value) + ", \"AWS_PROFILE\": " + JsonText.quote(value)
                + ", \"AWS_REGION\": " + JsonText.quote(value) + ", \"ANTHROPIC_MODEL\": " + JsonText.quote(value)
                + "}}");
        check(home.run("doctor", "--offline"), Set.of(0, 1));
    }

    /** Ten times the input may take (much) less than a hundred times as long: quadratic work would. */
    @Example
    void timeGrowsLinearlyWithTheInput() throws IOException {
        List<IntFunction<Run>> kinds = List.of(
            n -> home.run("init", "--yes", "--profile", "p".repeat(n), "--region", "us-west-2", "--model", SONNET_US,
                    "--skip-probe", "--dry-run"),
            n -> home.run("init", "--yes", "--sso-start-url", "https://example.awsapps.com/start/" + "s".repeat(n),
                    "--sso-region", "us-east-1", "--skip-login", "--dry-run"),
            n -> {
                try {
                    Path preset = home.write("preset.json", "{\"description\": " + JsonText.quote("d".repeat(n))
                            + ", \"model\": " + JsonText.quote("m:".repeat(n / 2)) + "}");
                    return home.run("init", "--yes", "--profile", "dev", "--region", "us-west-2", "--preset",
                            preset.toString(), "--skip-probe", "--dry-run");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            },
            n -> {
                try {
                    home.write(".claude/settings.json", "{\"env\": {\"AWS_PROFILE\": " + JsonText.quote("a:".repeat(n / 2))
                            + ", \"ANTHROPIC_MODEL\": " + JsonText.quote("x".repeat(n)) + "}}");
                    return home.run("doctor", "--offline");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        for (IntFunction<Run> kind : kinds) {
            kind.apply(1000); // warm up the classes this kind of run loads
            long small = fastest(kind, 10 * 1024);
            long large = fastest(kind, 100 * 1024);
            assertTrue(large < 25 * Math.max(small, 20_000_000L),
                    "10 KB took " + small / 1_000_000 + " ms, 100 KB " + large / 1_000_000 + " ms");
        }
    }

    private static long fastest(IntFunction<Run> kind, int size) {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            Run r = kind.apply(size);
            best = Math.min(best, System.nanoTime() - start);
            check(r, Set.of(0, 1, 2));
        }
        return best;
    }

    static void check(Run r, Set<Integer> expected) {
        String shown = r.toString().length() > 3000 ? r.toString().substring(0, 3000) + "…" : r.toString();
        assertTrue(expected.contains(r.exit) || r.exit == 3, "exit " + r.exit + " is not one of " + expected + " or 3: "
                + shown);
        assertFalse(r.err.contains("\tat ") || r.out.contains("\tat "), "no stack trace: " + shown);
        assertFalse(r.err.contains("Exception") || r.err.contains("unexpected error"), "no raw exception: " + shown);
        HostileValuesTest.assertNoControlCharacters(r.err, "stderr");
        HostileValuesTest.assertNoControlCharacters(r.out, "stdout");
        if (r.exit == 2 || r.exit == 3) {
            String[] lines = r.err.strip().split("\n");
            int at = -1;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].startsWith("bedrock-setup: ")) {
                    assertEquals(-1, at, "one error line: " + shown);
                    at = i;
                }
            }
            assertTrue(at >= 0, "an error line: " + shown);
            assertTrue(lines.length - at <= 2 && (at == lines.length - 1 || lines[at + 1].startsWith("  fix: ")),
                    "the error is one line and its fix: " + shown);
            assertTrue(r.err.length() < 2000, "an error echoes a prefix, not the input: " + r.err.length());
        }
    }
}
