package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Java 22+ prints four "WARNING: A restricted method ... JLineNativeLoader" lines when jline loads its native
 * terminal library, unless native access is granted: by the jar's manifest (a run with -jar) and by the launcher's
 * flag. The jar is built after the tests, so this checks what builds it; a real run on Java 25 is by hand
 * (java -jar target/bedrock-setup.jar init in a terminal: no WARNING line).
 */
class NativeAccessGrantTest {
    @Test
    void bothManifestsTheBuildWritesGrantNativeAccess() throws Exception {
        Element pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile())
                .getDocumentElement();
        NodeList entries = pom.getElementsByTagName("manifestEntries");
        List<String> grants = new ArrayList<>();
        for (int i = 0; i < entries.getLength(); i++) {
            NodeList grant = ((Element) entries.item(i)).getElementsByTagName("Enable-Native-Access");
            grants.add(grant.getLength() == 1 ? grant.item(0).getTextContent().trim() : "(none)");
        }
        // the jar plugin's manifest, and the shaded jar's (the one users run), which the shade plugin rewrites
        assertEquals(List.of("ALL-UNNAMED", "ALL-UNNAMED"), grants);
    }

    @Test
    void theLauncherGrantsItOnJava22AndLaterOnly() throws Exception {
        String launcher = Files.readString(Path.of("bedrock-setup"));
        assertTrue(launcher.contains(
                "if [ \"$feature\" -ge 22 ]; then flags+=(--enable-native-access=ALL-UNNAMED); fi"),
                "Java 17 to 21 do not know the flag: it goes only to 22+");
        assertTrue(launcher.indexOf("--enable-native-access") > launcher.indexOf("feature=0"),
                "decided after the java's feature release is read");
        assertTrue(launcher.contains("exec \"$java\" \"${flags[@]}\""), "the flags reach the JVM");
    }
}
