package dev.bedrocksetup.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.standin.Operation;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the extension promises a test: a running stand-in, a home pointed at it, nothing left after the test. */
class StandInExtensionTest {
    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    @Test
    void theHomeSendsEveryAwsEndpointToTheRunningStandIn() throws Exception {
        for (String service : StandInHome.SERVICES) {
            assertEquals(aws.baseUri().toString(), aws.home().vars.get("AWS_ENDPOINT_URL_" + service), service);
        }
        assertEquals(aws.dir().toString(), aws.home().vars.get("HOME"));
        assertEquals(Examples.ACCOUNT, aws.scenario().accounts().get(0).accountId());

        aws.home().ssoProfiles("dev");
        aws.stand().cacheValidToken("corp");
        TempHome.Run r = aws.home().run("export-credentials", "--profile", "dev");
        assertEquals(0, r.exit, r.toString());
        assertEquals(1, aws.requestLog().of(Operation.GET_ROLE_CREDENTIALS).size(), aws.requestLog().all().toString());
    }

    @Test
    void afterATestTheStandInIsStoppedAndTheHomeIsGoneEvenALockedDirectory() throws Exception {
        StandInExtension other = new StandInExtension();
        other.beforeEach(null);
        URI base = other.baseUri();
        Path dir = other.dir();
        Path locked = Files.createDirectories(dir.resolve(".aws/sso/cache"));
        Files.writeString(locked.resolve("token.json"), "{}");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            assertTrue(s.isConnected());
        }

        other.afterEach(null);

        assertFalse(Files.exists(dir), "home deleted");
        assertThrows(ConnectException.class, () -> new Socket(base.getHost(), base.getPort()).close(),
                "the stand-in no longer listens on " + base);
        assertThrows(IllegalStateException.class, other::home, "no home outside a test");
    }

    @Test
    void theScenarioComesFromTheSupplierForEachTest() throws IOException {
        StandInExtension two = new StandInExtension(dev.bedrocksetup.standin.StandInFixture::twoAccounts);
        two.beforeEach(null);
        try {
            assertEquals(2, two.scenario().accounts().size());
        } finally {
            two.afterEach(null);
        }
    }
}
