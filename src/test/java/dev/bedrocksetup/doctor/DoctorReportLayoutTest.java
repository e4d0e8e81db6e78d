package dev.bedrocksetup.doctor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.cli.BedrockSetup;
import dev.bedrocksetup.json.JsonDocument;
import dev.bedrocksetup.standin.Operation;
import dev.bedrocksetup.testing.Settings;
import dev.bedrocksetup.testing.StandInExtension;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The doctor's report as a user reads it (issue 20, items 18 and 19): on stdout, so {@code doctor | grep -c FAIL}
 * counts the failures; problems first, so a broken setup's first screen holds every failure with its fix; a healthy
 * setup in a few lines; {@code --all} (or {@code --verbose}) every check; {@code --json} with the same keys as before.
 */
class DoctorReportLayoutTest {
    static final String SONNET = "us.anthropic.claude-sonnet-4-5-20250929-v1:0";
    static final String HAIKU = "us.anthropic.claude-haiku-4-5-20251001-v1:0";
    /** An 80 x 24 terminal. */
    static final int COLUMNS = 80;
    static final int ROWS = 24;

    @RegisterExtension
    final StandInExtension aws = new StandInExtension();

    /** An SSO profile logged in, a region, two pinned models: what init writes. */
    void healthySetup() throws Exception {
        aws.home().ssoProfiles("dev");
        aws.stand().cacheValidToken("corp");
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "dev").env("ANTHROPIC_MODEL", SONNET).env("ANTHROPIC_DEFAULT_HAIKU_MODEL", HAIKU)
                .env("ANTHROPIC_DEFAULT_OPUS_MODEL", SONNET).env("ANTHROPIC_DEFAULT_SONNET_MODEL", SONNET).json());
    }

    /**
     * Three failures at once: a login IAM Identity Center refuses, a foundation-model ID pinned, and a pin of another
     * geography; and a warning (Claude Code not installed).
     */
    void brokenSetup() throws Exception {
        aws.home().ssoProfiles("dev");
        aws.stand().cacheValidToken("corp");
        aws.scenario().expireAccessTokens();
        aws.home().write(".claude/settings.json", Settings.bedrock().env("AWS_REGION", "us-east-1")
                .env("AWS_PROFILE", "dev").env("ANTHROPIC_MODEL", "anthropic.claude-sonnet-4-5-20250929-v1:0")
                .env("ANTHROPIC_DEFAULT_HAIKU_MODEL", "eu.anthropic.claude-haiku-4-5-20251001-v1:0")
                .env("ANTHROPIC_DEFAULT_OPUS_MODEL", SONNET).env("ANTHROPIC_DEFAULT_SONNET_MODEL", SONNET).json());
    }

    static List<Map<?, ?>> findings(Run json) throws Exception {
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object o : (List<?>) ((Map<?, ?>) JsonDocument.parse(json.out).root().toValue()).get("findings")) {
            out.add((Map<?, ?>) o);
        }
        return out;
    }

    static List<String> ids(List<Map<?, ?>> findings, String status) {
        return findings.stream().filter(f -> status.equals(f.get("status"))).map(f -> (String) f.get("id")).toList();
    }

    static long lines(String text, String containing) {
        return text.lines().filter(l -> l.contains(containing)).count();
    }

    @Test
    void grepCountsTheFailuresOnStdoutAndTheFirstScreenHoldsEachWithItsFix() throws Exception {
        brokenSetup();
        Run json = aws.home().run("doctor", "--json");
        List<String> failed = ids(findings(json), "fail");
        assertTrue(failed.size() >= 2 && failed.size() <= 3, "a setup with 2 to 3 failures: " + failed);

        Run text = aws.home().run("doctor");
        assertEquals(1, text.exit, text.toString());
        assertEquals(failed.size(), lines(text.out, "FAIL"), "doctor | grep -c FAIL: " + text.out);
        assertEquals(0, lines(text.err, "FAIL"), "the report is not on stderr: " + text.err);

        // what an 80 x 24 terminal shows first: stderr's line, then stdout's, each wrapped at 80 columns
        List<String> screen = new ArrayList<>();
        for (String line : (text.err + text.out).split("\n")) {
            for (int at = 0; at == 0 || at < line.length(); at += COLUMNS) {
                screen.add(line.substring(at, Math.min(line.length(), at + COLUMNS)));
            }
        }
        String first = String.join("\n", screen.subList(0, Math.min(ROWS, screen.size()))).replace("\n", "");
        for (Map<?, ?> f : findings(json)) {
            if ("fail".equals(f.get("status"))) {
                assertTrue(first.contains("FAIL " + f.get("id") + ": "), f.get("id") + " on the first screen:\n"
                        + String.join("\n", screen));
                assertTrue(first.contains("fix: " + f.get("fix")), "its fix too:\n" + String.join("\n", screen));
            }
        }
        String summary = text.out.strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(summary.startsWith(failed.size() + " failed: " + String.join(", ", failed) + "; "), summary);
        assertTrue(summary.contains("1 warning: claude.installed"), summary);
        assertFalse(text.out.contains("  ok   "), "passed checks only with --all: " + text.out);
    }

    /**
     * Issue 20, item 5: a login the portal refuses, though valid by its expiry, is one verdict where the user looks
     * for it: the login check fails with the login fix, and the credential check does not fail again for it.
     */
    @Test
    void aLoginThePortalRefusesIsOneVerdictOfTheLoginCheck() throws Exception {
        brokenSetup();
        Map<String, Map<?, ?>> byId = new java.util.HashMap<>();
        for (Map<?, ?> f : findings(aws.home().run("doctor", "--json"))) {
            byId.put((String) f.get("id"), f);
        }
        Map<?, ?> token = byId.get("sso.token");
        assertEquals("fail", token.get("status"), token.toString());
        assertTrue(((String) token.get("detail")).contains("IAM Identity Center refuses the cached login"), token.toString());
        assertEquals("bedrock-setup login --profile dev", token.get("fix"));
        Map<?, ?> credentials = byId.get("aws.credentials");
        assertEquals("skipped", credentials.get("status"), credentials.toString());
        assertTrue(((String) credentials.get("detail")).contains("see sso.token"), credentials.toString());
    }

    @Test
    void aHealthySetupIsItsConfigurationAndOneLine() throws Exception {
        healthySetup();
        aws.home().write("bin/claude", "#!/bin/sh\necho '2.1.330 (Claude Code)'\n");
        aws.home().home.resolve("bin/claude").toFile().setExecutable(true);
        aws.home().vars.put("PATH", aws.home().home.resolve("bin") + ":/usr/bin:/bin");
        Run json = aws.home().run("doctor", "--json");
        assertEquals(List.of(), ids(findings(json), "fail"), json.out);
        assertEquals(List.of(), ids(findings(json), "warn"), json.out);
        int ok = ids(findings(json), "ok").size();

        Run text = aws.home().run("doctor");
        assertEquals(0, text.exit, text.toString());
        Map<?, ?> doc = (Map<?, ?>) JsonDocument.parse(json.out).root().toValue();
        int configuration = ((List<?>) doc.get("effective")).size();
        List<String> lines = text.out.lines().toList();
        assertEquals(1 + configuration + 2, lines.size(), "heading, one line per value, a blank, the verdict: "
                + text.out);
        assertTrue(lines.get(lines.size() - 1).startsWith("All " + ok + " checks passed"), text.out);
    }

    @Test
    void allAndVerboseShowEveryCheckInCatalogueOrder() throws Exception {
        brokenSetup();
        List<Map<?, ?>> findings = findings(aws.home().run("doctor", "--json"));
        Run all = aws.home().run("doctor", "--all");
        assertEquals(1, all.exit, all.toString());
        int at = 0;
        for (Map<?, ?> f : findings) {
            int next = all.out.indexOf(f.get("title") + ": ", at);
            assertTrue(next >= 0, f.get("id") + " shown, after the one before it: " + all.out);
            at = next;
        }
        assertTrue(all.out.strip().endsWith(" skipped"), "the counts close it: " + all.out);
        Run verbose = aws.home().run("doctor", "--verbose");
        // the same report but for the endpoints' connect times
        assertEquals(all.out.replaceAll("\\d+ ms", "N ms"), verbose.out.replaceAll("\\d+ ms", "N ms"),
                "--verbose is --all");
    }

    /** The JSON document keeps its keys (schemaVersion 1): the default text changed, the JSON did not. */
    @Test
    void theJsonKeepsItsKeys() throws Exception {
        brokenSetup();
        Map<?, ?> doc = (Map<?, ?>) JsonDocument.parse(aws.home().run("doctor", "--json").out).root().toValue();
        assertEquals(List.of("schemaVersion", "claudeCodeVersion", "effective", "findings", "summary"),
                List.copyOf(doc.keySet()));
        Set<List<?>> effective = new LinkedHashSet<>();
        for (Object e : (List<?>) doc.get("effective")) {
            effective.add(List.copyOf(((Map<?, ?>) e).keySet()));
        }
        assertEquals(Set.of(List.of("name", "value", "origin", "file", "shadowed")), effective);
        Set<List<?>> finding = new LinkedHashSet<>();
        for (Object f : (List<?>) doc.get("findings")) {
            finding.add(List.copyOf(((Map<?, ?>) f).keySet()));
        }
        assertEquals(Set.of(List.of("id", "group", "status", "title", "detail", "fix")), finding);
        assertEquals(List.of("ok", "warn", "fail", "skipped"), List.copyOf(((Map<?, ?>) doc.get("summary")).keySet()));
    }

    /**
     * On a terminal the default report shows on stderr which checks it waits for, and clears that line; without a
     * terminal nothing of it is printed. stdout is the same either way.
     */
    @Test
    void progressOnATerminalOnlyAndOnStderr() throws Exception {
        healthySetup();
        aws.home().vars.put("NO_COLOR", "1");
        // the model calls answer last, as a far-away region's do: the report waits for them
        aws.scenario().latency(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, java.time.Duration.ofMillis(1500));
        Run piped = aws.home().run("doctor");
        assertFalse(piped.err.contains("Checking"), piped.err);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = BedrockSetup.run(aws.home().env(), new ByteArrayInputStream(new byte[0]), out, err, true, "doctor");
        String shown = err.toString(StandardCharsets.UTF_8);
        assertEquals(piped.exit, exit, shown);
        assertTrue(shown.contains("\rChecking AWS (online)"), "names the group it waits for: " + shown);
        String last = shown.substring(shown.lastIndexOf("Checking"));
        assertTrue(last.matches("(?s)Checking [^\r]*\r *\r"), "the line is cleared at the end: " + last);
        assertEquals(piped.out, out.toString(StandardCharsets.UTF_8), "stdout is the same on a terminal");
    }

    /**
     * doctor --all prints each group as soon as its checks are done, in catalogue order: with the model calls
     * answering after 1.5 s, the offline groups are out long before the online ones, and the text is the same as
     * the whole report's.
     */
    @Test
    void eachGroupIsPublishedWhenItsChecksAreDoneInCatalogueOrder() throws Exception {
        healthySetup();
        aws.scenario().latency(Operation.INVOKE_MODEL_WITH_RESPONSE_STREAM, java.time.Duration.ofMillis(1500));
        List<String> groups = new ArrayList<>();
        List<Long> at = new ArrayList<>();
        StringBuilder streamed = new StringBuilder();
        long start = System.nanoTime();
        DoctorReport report = Doctor.run(new DoctorInputs(aws.home().env(), new dev.bedrocksetup.claude
                .SettingsLocations(aws.home().env(), aws.dir()), () -> null), false, (group, findings) -> {
                    groups.add(group);
                    at.add((System.nanoTime() - start) / 1_000_000);
                    streamed.append(DoctorReport.groupText(dev.bedrocksetup.core.Style.plain(), group, findings));
                });
        List<String> catalogue = new ArrayList<>();
        for (Finding f : report.findings) {
            if (catalogue.isEmpty() || !catalogue.get(catalogue.size() - 1).equals(f.group)) {
                catalogue.add(f.group);
            }
        }
        assertEquals(catalogue, groups, "every group once, in catalogue order");
        assertEquals("AWS (online)", groups.get(groups.size() - 1));
        assertTrue(at.get(groups.size() - 1) - at.get(0) >= 1000, "the first group came out while the model calls "
                + "were still waited for: " + groups + " at " + at + " ms");
        String whole = report.toText(dev.bedrocksetup.core.Style.plain());
        assertEquals(whole.substring(whole.indexOf("\n\n") + 1, whole.lastIndexOf("\n\n") + 1), streamed.toString(),
                "the same text as the whole report");
    }
}
