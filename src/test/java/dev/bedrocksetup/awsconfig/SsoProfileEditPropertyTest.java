package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random valid config files and random edits, with the same differential checks as the corpus: local checks per try
 * (untouched lines, the Java SDK, exact undo), botocore once for all tries after the container (one python process).
 */
class SsoProfileEditPropertyTest {
    private static final List<EditCase> CASES = Collections.synchronizedList(new ArrayList<>());

    @Provide
    Arbitrary<String> configs() {
        return Arbitraries.randomValue(RandomConfigFiles::generate);
    }

    @Property(tries = 400)
    void editsChangeOnlyWhatTheyMeanAndUndoExactly(@ForAll("configs") String text,
            @ForAll("edits") int edit, @ForAll("names") int profileIndex, @ForAll("names") int sessionIndex,
            @ForAll("edits") int secondEdit, @ForAll("names") int secondProfile) {
        List<EditCase> first = plan(text, edit, profileIndex, sessionIndex);
        Statistics.label("first edit").collect(first.isEmpty() ? "refused or nothing to do" : "planned");
        if (first.isEmpty()) {
            return;
        }
        // a second edit on the result; undoing both journal entries gives back the original byte for byte
        EditCase one = first.get(0);
        List<EditCase> second = plan(one.after(), secondEdit, secondProfile, sessionIndex + 1);
        boolean chained = !second.isEmpty() && one.edit().changesAnything() && second.get(0).edit().changesAnything();
        Statistics.label("two edits undone together").collect(chained);
        if (chained) {
            EditCase two = second.get(0);
            AwsConfigReset.Result undo = AwsConfigReset.plan(EditPlans.CONFIG, two.after(),
                    List.of(one.edit().change().journalEntry(), two.edit().change().journalEntry()));
            assertEquals(text, undo.change().after(), "undo of two edits: " + one + ", then " + two);
            assertEquals(List.of(), undo.leftAlone());
        }
    }

    private static List<EditCase> plan(String text, int edit, int profileIndex, int sessionIndex) {
        EditPlans plans = new EditPlans();
        AwsSharedFile file = AwsSharedFile.of(EditPlans.CONFIG, AwsFileKind.CONFIG, text);
        assertTrue(file.readableByAllTools(), "the generator makes readable files: " + file.problems());
        String profile = RandomConfigFiles.PROFILES.get(profileIndex % RandomConfigFiles.PROFILES.size());
        String session = RandomConfigFiles.SESSIONS.get(sessionIndex % RandomConfigFiles.SESSIONS.size());
        switch (edit) {
            case 0 -> plans.create("random", file, profile, session);
            case 1 -> {
                // mostly an existing profile, sometimes a missing one (a usage error)
                List<String> existing = new ArrayList<>(file.sdk().profiles().keySet());
                plans.setRegion("random", file, existing.isEmpty() || profileIndex % 5 == 0 ? profile
                        : existing.get(profileIndex % existing.size()));
            }
            default -> {
                for (Map.Entry<String, Map<String, String>> p : file.sdk().profiles().entrySet()) {
                    if (p.getValue().containsKey("sso_start_url") && !p.getValue().containsKey("sso_session")) {
                        plans.migrate("random", file, p.getKey());
                    }
                }
            }
        }
        for (EditPlans.Refusal r : plans.refusals) {
            // on a readable file only usage refusals are expected (profile kind, missing profile)
            assertEquals(2, r.exitCode(), r.name() + ": " + r.message() + "\n" + text);
        }
        for (EditCase c : plans.cases) {
            assertEquals(List.of(), EditDifferential.checkLocally(c), text);
        }
        CASES.addAll(plans.cases);
        return plans.cases;
    }

    @Provide
    Arbitrary<Integer> edits() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<Integer> names() {
        return Arbitraries.integers().between(0, 20);
    }

    @AfterContainer
    static void botocoreReadsEveryResultAsIntended() throws IOException {
        Path dir = Files.createTempDirectory("awsconfig-property");
        try {
            List<String> failures = EditDifferential.checkWithBotocore(new ArrayList<>(CASES), dir);
            System.out.println("awsconfig random edits checked against botocore: " + CASES.size());
            assertEquals(List.of(), failures);
            assertTrue(CASES.size() >= 150, "only " + CASES.size() + " random edits were planned");
        } finally {
            try (var s = Files.list(dir)) {
                for (Path p : s.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
            CASES.clear();
        }
    }
}
