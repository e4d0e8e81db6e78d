package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every edit on every corpus file: untouched lines byte-identical, the Java SDK and botocore read every untouched
 * section exactly as before and ours as intended, undo is exact, and files an AWS tool cannot read are refused.
 */
class SsoProfileEditCorpusTest {

    @Test
    void everyEditOnEveryCorpusFile(@TempDir Path dir) throws IOException {
        EditPlans plans = new EditPlans();
        for (Corpus.Entry e : Corpus.configs()) {
            plans.planAll(e.name(), e.text(), e.name().startsWith("99") ? 2 : 3);
        }
        List<String> failures = new ArrayList<>();
        for (EditCase c : plans.cases) {
            failures.addAll(EditDifferential.checkLocally(c));
        }
        failures.addAll(EditDifferential.checkWithBotocore(plans.cases, dir));
        failures.addAll(checkRefusals(plans.refusals, dir));
        System.out.println("awsconfig corpus edits: " + plans.cases.size() + " planned and checked, "
                + plans.refusals.size() + " refused");
        for (EditPlans.Refusal r : plans.refusals) {
            System.out.println("  refused (exit " + r.exitCode() + ") " + r.name() + ": " + r.message());
        }
        assertEquals(List.of(), failures);
        assertTrue(plans.cases.size() >= 150, "only " + plans.cases.size() + " edits were planned");
    }

    /**
     * A refusal with exit 3 must be about a file an AWS tool cannot read (botocore or Java fails on it) or about a
     * profile the tools disagree on (defined twice). Usage refusals (exit 2) are about names and profile kinds.
     */
    private static List<String> checkRefusals(List<EditPlans.Refusal> refusals, Path dir) throws IOException {
        List<ReferenceReaders.Input> inputs = new ArrayList<>();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (EditPlans.Refusal r : refusals) {
            if (!index.containsKey(r.before())) {
                Path p = dir.resolve("refused" + index.size());
                Files.write(p, r.before().getBytes(StandardCharsets.UTF_8));
                index.put(r.before(), inputs.size());
                inputs.add(new ReferenceReaders.Input(p, AwsFileKind.CONFIG));
            }
        }
        List<ReferenceReaders.Reading> readings = inputs.isEmpty() ? List.of() : ReferenceReaders.botocore(inputs);
        List<String> failures = new ArrayList<>();
        for (EditPlans.Refusal r : refusals) {
            boolean cliFails = !readings.get(index.get(r.before())).ok();
            boolean javaFails = !SdkProfileView.read(r.before(), AwsFileKind.CONFIG).readable();
            // the tools read the structure differently (shown by the JavaScript SDK check on the same corpus)
            boolean ambiguous = AwsSharedFile.of(EditPlans.CONFIG, AwsFileKind.CONFIG, r.before()).problems().stream()
                    .anyMatch(p -> p.severity() == ConfigProblem.Severity.AMBIGUOUS);
            if (r.exitCode() == 3 && !cliFails && !javaFails && !ambiguous && !r.message().contains(" is defined ")
                    && !r.message().contains("not in the form every AWS tool reads")) {
                failures.add(r.name() + ": refused a file every tool reads: " + r.message());
            }
            if (r.exitCode() != 2 && r.exitCode() != 3) {
                failures.add(r.name() + ": unexpected exit code " + r.exitCode());
            }
            if (r.message().contains("\n")) {
                failures.add(r.name() + ": message is not one line");
            }
        }
        return failures;
    }
}
