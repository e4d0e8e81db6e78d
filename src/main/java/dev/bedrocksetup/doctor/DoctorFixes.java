package dev.bedrocksetup.doctor;

import dev.bedrocksetup.claude.SettingsScope;
import dev.bedrocksetup.claude.SettingsService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Gathers the safe fixes of a report per settings file, and plans or applies them through the settings engine. */
public final class DoctorFixes {
    private final Map<SettingsScope, Map<List<String>, String>> byScope = new LinkedHashMap<>();
    private final List<String> descriptions = new ArrayList<>();

    public DoctorFixes(DoctorReport report) {
        for (Finding f : report.findings) {
            if (f.safeFix != null && (f.status == Status.FAIL || f.status == Status.WARN)) {
                byScope.computeIfAbsent(f.safeFix.scope, s -> new LinkedHashMap<>()).putAll(f.safeFix.values);
                descriptions.add(f.safeFix.description);
            }
        }
    }

    public boolean isEmpty() {
        return byScope.isEmpty();
    }

    public List<String> descriptions() {
        return descriptions;
    }

    /** Plans (dryRun) or applies every fix; returns the outcome per file. */
    public List<SettingsService.InitOutcome> apply(SettingsService service, Path projectDir, boolean dryRun) {
        List<SettingsService.InitOutcome> out = new ArrayList<>();
        for (Map.Entry<SettingsScope, Map<List<String>, String>> e : byScope.entrySet()) {
            out.add(service.apply(e.getKey(), projectDir, (editor, notes) -> e.getValue(), "doctor --fix", dryRun));
        }
        return out;
    }
}
