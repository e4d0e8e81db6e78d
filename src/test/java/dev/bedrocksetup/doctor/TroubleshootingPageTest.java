package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/troubleshooting.md is what the check catalogue says; regenerate with -Dbedrock.writeDocs=true. */
class TroubleshootingPageTest {
    @Test
    void everyCheckIsDocumentedAndThePageIsCurrent() throws Exception {
        for (Check c : CheckCatalog.all()) {
            assertNotNull(CheckDocs.of(c.id), "cause and fix documented for " + c.id);
        }
        Path page = Path.of("docs/troubleshooting.md");
        String generated = CheckDocs.troubleshootingPage();
        if (Boolean.getBoolean("bedrock.writeDocs")) {
            Files.writeString(page, generated, StandardCharsets.UTF_8);
        }
        assertEquals(generated, Files.readString(page, StandardCharsets.UTF_8),
                "docs/troubleshooting.md is stale: run ./mvnw test -Dtest=TroubleshootingPageTest -Dbedrock.writeDocs=true");
    }
}
