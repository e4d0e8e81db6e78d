package dev.bedrocksetup.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.bedrocksetup.testing.ClaudeCode;
import dev.bedrocksetup.testing.TempHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agreement matrix (issue 14): on every setup of {@link AgreementCases}, the real Claude Code ({@code claude -p})
 * works exactly when {@code bedrock-setup doctor --json} (online, against the same stand-in) passes, and where Claude
 * Code fails the doctor's first failure names the cause.
 *
 * <p>Every row runs in a world of its own; two rows at a time. Claude Code retries some failures for minutes: each run
 * gets {@code CLAUDE_CODE_MAX_RETRIES=2} (2.1.330 honours it) and is killed after {@link #CLAUDE_TIMEOUT}; a run
 * still retrying then counts as failing. The table is printed, and written to
 * {@code target/agreement-matrix-VERSION.md}, before any row is asserted, so one run shows every disagreement.
 *
 * <p>Which Claude Code: {@code -Dclaude-code.version=X} (default the pinned {@value ClaudeCode#VERSION}). Which rows:
 * {@code -Dagreement.rows=REGEX} on the row names (default all). Runs in the {@code agreement} profile
 * ({@code ./mvnw -Pagreement test}), which {@code .ci/run} runs for the pinned and for the newest Claude Code.
 */
@Tag("agreement")
class AgreementMatrixTest {
    static final Duration CLAUDE_TIMEOUT = Duration.ofSeconds(60);
    static final int AT_ONCE = 2;
    /** Setups use process-wide hooks (the test browser for login, the launcher for awsCredentialExport). */
    private static final Object SETUP = new Object();

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> doctorAgreesWithClaudeCode() throws Exception {
        ClaudeCode claude = ClaudeCode.installed(ClaudeCode.requestedVersion());
        String version = claude.reportedVersion();
        System.out.println("Claude Code under test: " + version);
        Pattern only = Pattern.compile(System.getProperty("agreement.rows", ".*"));
        List<AgreementCase> cases = AgreementCases.all().stream()
                .filter(c -> only.matcher(c.name()).find()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(AT_ONCE);
        List<Future<AgreementRow>> futures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            AgreementCase c = cases.get(i);
            Path rowDir = dir.resolve("row-" + i);
            futures.add(pool.submit(() -> run(c, rowDir, claude)));
        }
        pool.shutdown();
        List<AgreementRow> rows = new ArrayList<>();
        for (Future<AgreementRow> f : futures) {
            rows.add(f.get());
        }

        String table = table(version, rows);
        System.out.println(table);
        Path out = Path.of("target", "agreement-matrix-" + version + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);

        return rows.stream().map(r -> DynamicTest.dynamicTest(r.c().name(), () -> {
            if (r.c().cause() != null) {
                assertTrue(dev.bedrocksetup.doctor.CheckCatalog.all().stream()
                        .anyMatch(k -> k.id.equals(r.c().cause())), "the row's cause is a doctor check");
            }
            if (!r.holds()) {
                fail("Claude Code " + version + ", row \"" + r.c().name() + "\": " + r.problem() + "\n" + r.detail());
            }
        }));
    }

    private static AgreementRow run(AgreementCase c, Path dir, ClaudeCode claude) throws Exception {
        long start = System.nanoTime();
        MatrixSetup s;
        synchronized (SETUP) {
            s = new MatrixSetup(dir, claude, c.scenario().get());
            try {
                c.setup().build(s);
            } catch (Exception | AssertionError e) {
                s.close();
                throw new IllegalStateException("row \"" + c.name() + "\" could not be set up", e);
            }
        }
        try {
            long setUp = System.nanoTime();
            TempHome.Run doctor = s.doctor();
            long doctored = System.nanoTime();
            ClaudeCode.Result answer = s.askClaude(CLAUDE_TIMEOUT);
            System.out.printf("row \"%s\": set up %d ms, doctor %d ms, Claude Code %d ms%n", c.name(),
                    (setUp - start) / 1_000_000, (doctored - setUp) / 1_000_000,
                    (System.nanoTime() - doctored) / 1_000_000);
            return AgreementRow.judge(c, s.reply, answer, doctor);
        } finally {
            synchronized (SETUP) {
                s.close();
            }
        }
    }

    static String table(String version, List<AgreementRow> rows) {
        StringBuilder sb = new StringBuilder();
        long agree = rows.stream().filter(AgreementRow::agrees).count();
        long failing = rows.stream().filter(r -> !r.claudeWorks()).count();
        long named = rows.stream().filter(r -> !r.claudeWorks() && r.firstFailureIsTheCause()).count();
        sb.append("Claude Code ").append(version).append(": ").append(rows.size())
                .append(" setups, the doctor agrees on ").append(agree)
                .append("; Claude Code fails on ").append(failing)
                .append(", the doctor's first failure names the cause on ").append(named).append(".\n\n");
        sb.append(AgreementRow.header()).append('\n');
        for (int i = 0; i < rows.size(); i++) {
            sb.append(rows.get(i).markdown(i + 1)).append('\n');
        }
        List<AgreementRow> bad = rows.stream().filter(r -> !r.holds()).toList();
        if (!bad.isEmpty()) {
            sb.append("\nRows that do not hold:\n\n");
            for (AgreementRow r : bad) {
                sb.append("- ").append(r.c().name()).append(": ").append(r.problem()).append('\n');
            }
        }
        return sb.toString();
    }
}
