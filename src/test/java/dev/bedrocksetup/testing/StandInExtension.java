package dev.bedrocksetup.testing;

import dev.bedrocksetup.standin.RequestLog;
import dev.bedrocksetup.standin.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A started loopback AWS stand-in and a throw-away home pointed at it ({@link StandInHome}), fresh for each test and
 * closed after it, also when the test fails: the stand-in stops, the test browser is unhooked and the home is
 * deleted. Register it on an instance field; it is ready in the test's {@code @BeforeEach}.
 *
 * <pre>{@code
 * @RegisterExtension
 * final StandInExtension aws = new StandInExtension(StandInFixture::twoAccounts); // or new StandInExtension()
 *
 * @Test
 * void onlyTheGrantedModelIsListed() throws Exception {
 *     aws.scenario().grantOnly(Examples.ACCOUNT, "us-east-1", SONNET);       // customise the stand-in
 *     aws.stand().staticKeysProfile("dev", "dev", "us-east-1");                // and the home
 *     aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_PROFILE", "dev").json());
 *     TempHome.Run r = aws.home().run("models", "--profile", "dev", "--region", "us-east-1");
 *     assertEquals(0, r.exit, r.toString());
 *     assertFalse(aws.requestLog().of(Operation.LIST_INFERENCE_PROFILES).isEmpty());
 * }
 * }</pre>
 */
public final class StandInExtension implements BeforeEachCallback, AfterEachCallback {
    private final Supplier<Scenario> scenarioForEachTest;
    private Path dir;
    private StandInHome stand;

    /** The stand-in for {@link StandInHome#sandbox()}: account {@link Examples#ACCOUNT} with the role Dev. */
    public StandInExtension() {
        this(StandInHome::sandbox);
    }

    /** A stand-in for a new scenario from {@code scenarioForEachTest}, asked once per test. */
    public StandInExtension(Supplier<Scenario> scenarioForEachTest) {
        this.scenarioForEachTest = scenarioForEachTest;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        dir = Files.createTempDirectory("bedrock-setup-test");
        stand = new StandInHome(dir, scenarioForEachTest.get());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (stand != null) {
                stand.close();
            }
        } finally {
            stand = null;
            Path toDelete = dir;
            dir = null;
            if (toDelete != null) {
                deleteTree(toDelete);
            }
        }
    }

    /** The stand-in and its home, for what this class does not pass on (browser, tokens, user keys). */
    public StandInHome stand() {
        return started().stand;
    }

    /** The throw-away home: HOME, a minimal PATH and every AWS endpoint variable pointing at the stand-in. */
    public TempHome home() {
        return started().stand.home;
    }

    /** The home directory itself (the test's whole scratch space). */
    public Path dir() {
        return started().dir;
    }

    /** What the stand-in plays; change it at any time, the stand-in reads it on every request. */
    public Scenario scenario() {
        return started().stand.scenario;
    }

    /** Every request the stand-in answered in this test. */
    public RequestLog requestLog() {
        return started().stand.requestLog();
    }

    /** Where the stand-in listens. */
    public URI baseUri() {
        return started().stand.baseUri();
    }

    private StandInExtension started() {
        if (stand == null) {
            throw new IllegalStateException("the stand-in runs only during a test: register StandInExtension with "
                    + "@RegisterExtension on an instance field");
        }
        return this;
    }

    /** Deletes a test's tree even where the test took permissions away (a read-only cache, a 000 directory). */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx------"));
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    deleteTree(child);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        Files.delete(root);
    }
}
