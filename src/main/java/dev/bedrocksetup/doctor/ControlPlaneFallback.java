package dev.bedrocksetup.doctor;

import java.util.Set;

/**
 * Claude Code reads the inference profiles only to choose its models: when the listing is denied or its endpoint does
 * not answer, it falls back to its built-in model list and carries on (agreement matrix, decision 0016). So a broken
 * control plane is a failure only when the models fail too; when every pinned model answers it is a warning.
 */
final class ControlPlaneFallback {
    private ControlPlaneFallback() {}

    static final Set<String> CONTROL_PLANE = Set.of("bedrock.control-plane", "network.control-plane-endpoint");

    /** The findings, with the control-plane failures turned into warnings when bedrock.models passed. */
    static void apply(Finding[] findings) {
        boolean modelsAnswer = false;
        for (Finding f : findings) {
            modelsAnswer |= f != null && f.id.equals("bedrock.models") && f.status == Status.OK;
        }
        if (!modelsAnswer) {
            return;
        }
        for (int i = 0; i < findings.length; i++) {
            Finding f = findings[i];
            if (f != null && f.status == Status.FAIL && CONTROL_PLANE.contains(f.id)) {
                findings[i] = new Finding(f.id, f.group, Status.WARN, f.title, f.detail + " (a warning: the pinned "
                        + "models answer, so Claude Code works from its built-in model list, but it does not see new "
                        + "models or your account's inference profiles)", f.fix, f.safeFix);
            }
        }
    }
}
