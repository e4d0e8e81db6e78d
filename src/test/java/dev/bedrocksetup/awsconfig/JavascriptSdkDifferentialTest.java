package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same edits read by the AWS SDK for JavaScript's own loader (what Claude Code uses). Runs where the loader is
 * installed and {@value ReferenceReaders#JS_LOADER_DIR} points at it, e.g.
 * {@code npm install --prefix /tmp/jsini @smithy/shared-ini-file-loader@4.7.2} and
 * {@code AWS_JS_INI_LOADER_DIR=/tmp/jsini}; skipped otherwise (the build does not download it).
 */
class JavascriptSdkDifferentialTest {

    @Test
    void claudeCodesSdkReadsEveryEditAsIntended(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(ReferenceReaders.javascriptAvailable(), "set " + ReferenceReaders.JS_LOADER_DIR
                + " to a directory with node_modules/@smithy/shared-ini-file-loader to run this check");
        EditPlans plans = new EditPlans();
        for (Corpus.Entry e : Corpus.configs()) {
            plans.planAll(e.name(), e.text(), e.name().startsWith("99") ? 2 : 3);
        }
        Random random = new Random(20261122L);
        for (int i = 0; i < 300; i++) {
            plans.planAll("random-" + i, RandomConfigFiles.generate(random), 3);
        }
        List<String> failures = new ArrayList<>(EditDifferential.checkWithJavascript(plans.cases, dir));
        System.out.println("awsconfig edits checked against the JavaScript SDK: " + plans.cases.size());
        assertEquals(List.of(), failures);
        assertTrue(plans.cases.size() > 1000, "only " + plans.cases.size());
    }
}
