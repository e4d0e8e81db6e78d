package dev.bedrocksetup.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.bedrocksetup.standin.StandInFixture;
import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Registered as a test registers them, JUnit closes both fixtures after a test: the first test notes where its
 * stand-ins listened and its home, the second finds the ports refusing and the home gone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegisteredFixturesCloseTest {
    static URI extensionStandIn;
    static URI fixtureStandIn;
    static Path home;

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();
    @RegisterExtension
    final StandInFixture f = new StandInFixture();

    @Test
    @Order(1)
    void aTestWithBoth() throws Exception {
        extensionStandIn = aws.baseUri();
        fixtureStandIn = f.server.baseUri();
        home = aws.dir();
        aws.home().write(".claude/settings.json", "{}");
    }

    @Test
    @Order(2)
    void afterItTheirStandInsAreStoppedAndTheHomeIsGone() {
        assertNotNull(home, "runs after aTestWithBoth");
        assertFalse(Files.exists(home), "home deleted: " + home);
        for (URI before : new URI[] {extensionStandIn, fixtureStandIn}) {
            // this test's own stand-ins could have been given the same port again; then there is nothing to learn
            assumeTrue(before.getPort() != aws.baseUri().getPort() && before.getPort() != f.server.baseUri().getPort());
            assertThrows(ConnectException.class, () -> new Socket(before.getHost(), before.getPort()).close(),
                    "nothing listens on " + before);
        }
    }
}
