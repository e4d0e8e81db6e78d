package dev.bedrocksetup.doctor;

import dev.bedrocksetup.bedrock.ModelAllowlist;
import dev.bedrocksetup.claude.SettingsSnapshot;
import java.util.ArrayList;
import java.util.List;

/** The managed model policy (availableModels) against the models this setup pins (issue 18, decision 0041). */
final class ModelPolicyChecks {
    private ModelPolicyChecks() {}

    static List<Check> all() {
        return List.of(new Check("models.allowlist", ModelChecks.GROUP, "Pinned models are allowed by managed policy",
                "\"Model ... is restricted by your organization's settings. Using ... instead.\"", false,
                ModelPolicyChecks::allowlist));
    }

    static Finding allowlist(Check c, DoctorInputs in) {
        ModelAllowlist allowed = ModelAllowlist.managed(in.settings);
        if (allowed == null) {
            return c.ok("no managed availableModels: every model is allowed");
        }
        String where = origins(allowed);
        if (allowed.entries().isEmpty()) {
            return c.warn("the managed availableModels is empty (" + where + "): Claude Code runs only its own "
                    + "default model, whatever is pinned", "list the models people may use in availableModels "
                    + "(bedrock-setup init --scope managed --allow-model ID), or remove the empty list");
        }
        List<String> outside = new ArrayList<>();
        for (String[] nv : ModelChecks.modelValues(in)) {
            if (!"ANTHROPIC_SMALL_FAST_MODEL".equals(nv[0]) && !allowed.allows(nv[1])) {
                outside.add(nv[0] + " " + nv[1]);
            }
        }
        if (!outside.isEmpty()) {
            return c.warn(String.join(", ", outside) + (outside.size() == 1 ? " is" : " are") + " outside the managed "
                    + "availableModels " + allowed.entries() + " (" + where + "): Claude Code uses another model "
                    + "instead (its default; with enforceAvailableModels the first allowed)",
                    "pin an allowed model (bedrock-setup init --model ID), or have the administrator allow it "
                            + "(bedrock-setup init --scope managed --allow-model ID)");
        }
        return c.ok("pins are within " + allowed.entries() + " (" + where + ")");
    }

    private static String origins(ModelAllowlist allowed) {
        List<String> out = new ArrayList<>();
        for (SettingsSnapshot.FileState f : allowed.sources()) {
            out.add(f.origin());
        }
        return String.join(", ", out);
    }
}
