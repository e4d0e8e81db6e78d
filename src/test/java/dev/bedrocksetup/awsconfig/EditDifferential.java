package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.fs.LineDiff;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The checks every planned edit must pass. Locally: only the lines the edit records may differ (everything else is
 * byte-identical), the Java SDK reads every untouched profile and section exactly as before and ours as intended, the
 * result follows the writing rules, and undo gives back the original byte for byte. Against botocore (batched): the
 * AWS CLI reads the result, every untouched section exactly as before, and ours as intended.
 */
final class EditDifferential {
    private static final Path PATH = Path.of("/home/user/.aws/config");

    private EditDifferential() {}

    static List<String> checkLocally(EditCase c) {
        List<String> failures = new ArrayList<>();
        String after = c.after();
        if (c.edit().change().journalEntry() == null) {
            // nothing to do (the file already says what we want): nothing written, nothing journaled
            if (!Objects.equals(c.before(), after) || !c.edit().records().isEmpty()) {
                failures.add(c.name() + ": an edit without journal entry changed the file");
            }
            return failures;
        }
        checkUntouchedLines(c, after, failures);
        checkJava(c, after, failures);
        checkWritingRules(c, after, failures);
        AwsConfigReset.Result undo = AwsConfigReset.plan(PATH, after, List.of(c.edit().change().journalEntry()));
        if (!Objects.equals(c.before(), undo.change().after())) {
            failures.add(c.name() + ": undo did not give back the original byte for byte; left alone: "
                    + undo.leftAlone());
        }
        if (!undo.leftAlone().isEmpty()) {
            failures.add(c.name() + ": undo left something alone: " + undo.leftAlone());
        }
        return failures;
    }

    /** Lines deleted must be lines our records replaced or removed; lines inserted must be lines we wrote. */
    @SuppressWarnings("unchecked")
    private static void checkUntouchedLines(EditCase c, String after, List<String> failures) {
        Set<String> mayDelete = new HashSet<>();
        Set<String> mayInsert = new HashSet<>();
        mayInsert.add("");
        for (Map<String, Object> r : c.edit().records()) {
            switch ((String) r.get("op")) {
                case "add-section" -> {
                    mayInsert.add((String) r.get("header"));
                    mayInsert.addAll((List<String>) r.get("lines"));
                }
                case "add-key" -> mayInsert.add((String) r.get("line"));
                case "replace" -> {
                    mayDelete.addAll((List<String>) r.get("before"));
                    mayInsert.addAll((List<String>) r.get("after"));
                }
                case "remove" -> mayDelete.addAll((List<String>) r.get("lines"));
                default -> failures.add(c.name() + ": unknown record " + r.get("op"));
            }
        }
        List<String> beforeLines = LineDiff.lines(c.before());
        String lastBefore = beforeLines.isEmpty() ? null : beforeLines.get(beforeLines.size() - 1);
        LineDiff.Result d = LineDiff.diff(c.before(), after);
        // A minimal diff may pair lines we moved (a migration moves sso_start_url into the new session) and then
        // report an untouched line as deleted and re-inserted byte for byte: such a pair changed nothing.
        List<String> deleted = new ArrayList<>(d.deleted());
        List<String> inserted = new ArrayList<>(d.inserted());
        for (java.util.Iterator<String> it = deleted.iterator(); it.hasNext();) {
            if (inserted.remove(it.next())) {
                it.remove();
            }
        }
        for (String del : deleted) {
            String text = strip(del);
            boolean finalNewlineOnly = del.equals(lastBefore) && !del.endsWith("\n");
            if (!mayDelete.contains(text) && !finalNewlineOnly) {
                failures.add(c.name() + ": changed a line it did not mean to change: " + show(del));
            }
        }
        for (String ins : inserted) {
            String text = strip(ins);
            boolean finalNewlineOnly = lastBefore != null && !lastBefore.endsWith("\n") && text.equals(lastBefore);
            if (!mayInsert.contains(text) && !finalNewlineOnly) {
                failures.add(c.name() + ": wrote a line it did not record: " + show(ins));
            }
        }
    }

    private static void checkJava(EditCase c, String after, List<String> failures) {
        SdkProfileView before = SdkProfileView.read(c.before(), AwsFileKind.CONFIG);
        SdkProfileView now = SdkProfileView.read(after, AwsFileKind.CONFIG);
        if (!now.readable()) {
            failures.add(c.name() + ": the Java SDK cannot read the result: " + now.failure());
            return;
        }
        Set<String> names = new HashSet<>(before.profiles().keySet());
        names.addAll(now.profiles().keySet());
        for (String name : names) {
            Map<String, String> b = before.profiles().getOrDefault(name, Map.of());
            Map<String, String> a = now.profiles().getOrDefault(name, Map.of());
            Map<String, String> expected = name.equals(c.profile()) ? expectedProfile(c, b) : b;
            if (!expected.equals(a)) {
                failures.add(c.name() + ": Java reads profile '" + name + "' as " + a.keySet() + ", expected "
                        + expected.keySet() + (expected.keySet().equals(a.keySet()) ? " (values differ)" : ""));
            }
        }
        for (ConfigSection s : AwsConfigDocument.parse(after, AwsFileKind.CONFIG).sections()) {
            if (s.name().type() == SectionType.SSO_SESSION) {
                String n = s.name().name();
                Map<String, String> b = before.ssoSession(n).orElse(Map.of());
                Map<String, String> a = now.ssoSession(n).orElse(Map.of());
                if (n.equals(c.session())) {
                    checkSession(c, "Java", a.get("sso_start_url"), a.get("sso_region"),
                            a.get("sso_registration_scopes"), failures);
                } else if (!a.equals(b)) {
                    failures.add(c.name() + ": Java reads [sso-session " + n + "] differently");
                }
            } else if (s.name().type() == SectionType.SERVICES) {
                String n = s.name().name();
                if (!now.services(n).equals(before.services(n))) {
                    failures.add(c.name() + ": Java reads [services " + n + "] differently");
                }
            }
        }
    }

    private static void checkSession(EditCase c, String reader, Object url, Object region, Object scopes,
            List<String> failures) {
        if (!(url instanceof String) || !SsoProfileEditor.sameStartUrl((String) url, c.sessionStartUrl())
                || !c.sessionRegion().equals(region) || !SsoProfileEditor.SCOPES.equals(scopes)) {
            failures.add(c.name() + ": " + reader + " reads [sso-session " + c.session() + "] not as intended");
        }
    }

    private static Map<String, String> expectedProfile(EditCase c, Map<String, String> before) {
        Map<String, String> e = new LinkedHashMap<>(before);
        for (String k : c.profileRemovals()) {
            e.remove(k);
        }
        // a key we set replaces the key the AWS CLI considers the same (it lower-cases keys): "Region" becomes "region"
        e.keySet().removeIf(k -> c.profileSets().keySet().stream().anyMatch(k::equalsIgnoreCase));
        e.putAll(c.profileSets());
        return e;
    }

    private static void checkWritingRules(EditCase c, String after, List<String> failures) {
        if (after.startsWith("\uFEFF")) {
            failures.add(c.name() + ": wrote a byte-order mark");
        }
        if (!after.isEmpty() && !after.endsWith("\n")) {
            failures.add(c.name() + ": no newline at end of file");
        }
        // no new line-ending style: a uniform file stays uniform; in a mixed file a rewritten line keeps its own
        AwsConfigDocument before = AwsConfigDocument.parse(c.before(), AwsFileKind.CONFIG);
        Set<String> styles = new HashSet<>(before.endings(0, before.lineCount()));
        styles.add(before.lineEnding());
        for (String line : LineDiff.diff(c.before(), after).inserted()) {
            String ending = line.endsWith("\r\n") ? "\r\n" : line.endsWith("\n") ? "\n" : "";
            if (!ending.isEmpty() && !styles.contains(ending)) {
                failures.add(c.name() + ": wrote a line with another line ending than the file's: " + show(line));
            }
        }
    }

    // ---- botocore, batched ----

    /** Reads every case's before and after text with botocore in one process and compares. */
    @SuppressWarnings("unchecked")
    static List<String> checkWithBotocore(List<EditCase> cases, Path dir) throws IOException {
        List<ReferenceReaders.Input> inputs = new ArrayList<>();
        Map<String, Integer> indexOfText = new HashMap<>();
        List<int[]> pairs = new ArrayList<>();
        for (EditCase c : cases) {
            int b = indexOf(c.before(), indexOfText, inputs, dir);
            int a = indexOf(c.after(), indexOfText, inputs, dir);
            pairs.add(new int[] {b, a});
        }
        List<ReferenceReaders.Reading> readings = ReferenceReaders.botocore(inputs);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            EditCase c = cases.get(i);
            ReferenceReaders.Reading before = readings.get(pairs.get(i)[0]);
            ReferenceReaders.Reading after = readings.get(pairs.get(i)[1]);
            if (!before.ok()) {
                failures.add(c.name() + ": edited a file the AWS CLI cannot read (" + before.error() + ")");
                continue;
            }
            if (!after.ok()) {
                failures.add(c.name() + ": the AWS CLI cannot read the result (" + after.error() + ")");
                continue;
            }
            Set<String> groups = new HashSet<>(before.data().keySet());
            groups.addAll(after.data().keySet());
            for (String group : groups) {
                Object bg = before.data().get(group);
                Object ag = after.data().get(group);
                boolean sectionGroup = group.equals("profiles") || group.equals("sso_sessions");
                if (!sectionGroup) {
                    if (!Objects.equals(bg, ag)) {
                        failures.add(c.name() + ": the AWS CLI reads '" + group + "' differently");
                    }
                    continue;
                }
                Map<String, Object> bm = (Map<String, Object>) bg;
                Map<String, Object> am = (Map<String, Object>) ag;
                Set<String> names = new HashSet<>(bm.keySet());
                names.addAll(am.keySet());
                for (String n : names) {
                    Map<String, Object> bs = (Map<String, Object>) bm.get(n);
                    Map<String, Object> as = (Map<String, Object>) am.get(n);
                    if (group.equals("profiles") && n.equals(c.profile())) {
                        checkBotocoreProfile(c, bs, as, failures);
                    } else if (group.equals("sso_sessions") && n.equals(c.session())) {
                        Map<String, Object> s = as == null ? Map.of() : as;
                        checkSession(c, "the AWS CLI", s.get("sso_start_url"), s.get("sso_region"),
                                s.get("sso_registration_scopes"), failures);
                    } else if (!Objects.equals(bs, as)) {
                        failures.add(c.name() + ": the AWS CLI reads " + group + " '" + n + "' differently");
                    }
                }
            }
        }
        return failures;
    }

    /**
     * Claude Code's reading (the JavaScript SDK's loader, batched): every untouched profile and section exactly as
     * before, ours as intended. The loader keys profiles by name and other sections as "type.name".
     */
    @SuppressWarnings("unchecked")
    static List<String> checkWithJavascript(List<EditCase> cases, Path dir) throws IOException {
        List<ReferenceReaders.Input> inputs = new ArrayList<>();
        Map<String, Integer> indexOfText = new HashMap<>();
        List<int[]> pairs = new ArrayList<>();
        for (EditCase c : cases) {
            pairs.add(new int[] {indexOf(c.before(), indexOfText, inputs, dir), indexOf(c.after(), indexOfText,
                    inputs, dir)});
        }
        List<ReferenceReaders.Reading> readings = ReferenceReaders.javascript(inputs);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            EditCase c = cases.get(i);
            ReferenceReaders.Reading before = readings.get(pairs.get(i)[0]);
            ReferenceReaders.Reading after = readings.get(pairs.get(i)[1]);
            if (!before.ok() || !after.ok()) {
                failures.add(c.name() + ": the JavaScript SDK failed: " + before.error() + " / " + after.error());
                continue;
            }
            Set<String> keys = new HashSet<>(before.data().keySet());
            keys.addAll(after.data().keySet());
            for (String key : keys) {
                Map<String, String> b = (Map<String, String>) before.data().get(key);
                Map<String, String> a = (Map<String, String>) after.data().get(key);
                if (key.equals(c.profile())) {
                    Map<String, String> expected = expectedProfile(c, b == null ? Map.of() : b);
                    if (!expected.equals(a)) {
                        failures.add(c.name() + ": Claude Code's SDK reads profile '" + key + "' as "
                                + (a == null ? "absent" : a.keySet()) + ", expected " + expected.keySet());
                    }
                } else if (c.session() != null && key.equals("sso-session." + c.session())) {
                    Map<String, String> s = a == null ? Map.of() : a;
                    checkSession(c, "Claude Code's SDK", s.get("sso_start_url"), s.get("sso_region"),
                            s.get("sso_registration_scopes"), failures);
                } else if (!Objects.equals(b, a)) {
                    failures.add(c.name() + ": Claude Code's SDK reads '" + key + "' differently");
                }
            }
            if (!after.data().containsKey(c.profile())) {
                failures.add(c.name() + ": Claude Code's SDK does not see profile '" + c.profile() + "'");
            }
        }
        return failures;
    }

    private static void checkBotocoreProfile(EditCase c, Map<String, Object> before, Map<String, Object> after,
            List<String> failures) {
        if (after == null) {
            failures.add(c.name() + ": the AWS CLI does not see profile '" + c.profile() + "'");
            return;
        }
        if (before == null) {
            // a new profile: [DEFAULT] may add keys in the CLI's reading, so ours must be there as written
            for (Map.Entry<String, String> e : c.profileSets().entrySet()) {
                if (!e.getValue().equals(after.get(e.getKey()))) {
                    failures.add(c.name() + ": the AWS CLI reads '" + e.getKey() + "' of the new profile wrongly");
                }
            }
            return;
        }
        Map<String, Object> expected = new LinkedHashMap<>(before);
        for (String k : c.profileRemovals()) {
            expected.remove(k);
        }
        expected.putAll(c.profileSets());
        if (!expected.equals(after)) {
            failures.add(c.name() + ": the AWS CLI reads profile '" + c.profile() + "' as " + after.keySet()
                    + ", expected " + expected.keySet());
        }
    }

    private static int indexOf(String text, Map<String, Integer> seen, List<ReferenceReaders.Input> inputs, Path dir)
            throws IOException {
        Integer i = seen.get(text);
        if (i != null) {
            return i;
        }
        Path p = dir.resolve("f" + inputs.size());
        Files.write(p, text.getBytes(StandardCharsets.UTF_8));
        inputs.add(new ReferenceReaders.Input(p, AwsFileKind.CONFIG));
        seen.put(text, inputs.size() - 1);
        return inputs.size() - 1;
    }

    private static String strip(String line) {
        if (line.endsWith("\r\n")) {
            return line.substring(0, line.length() - 2);
        }
        return line.endsWith("\n") ? line.substring(0, line.length() - 1) : line;
    }

    private static String show(String line) {
        return "'" + line.replace("\r", "\\r").replace("\n", "\\n") + "'";
    }
}
