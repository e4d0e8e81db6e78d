package dev.bedrocksetup.wizard;

import dev.bedrocksetup.bedrock.ClaudeModelName;
import java.util.ArrayList;
import java.util.List;

/**
 * The fourth tier (ANTHROPIC_DEFAULT_FABLE_MODEL), asked under Customize only when the region's catalogue has a Fable
 * profile. Not pinning it leaves Claude Code its own choice (and a pin in force as it is).
 */
final class FableStep implements Wizard.Step {
    static final String QUESTION = "Fable model (ANTHROPIC_DEFAULT_FABLE_MODEL)?";

    @Override
    public void run(WizardState s) {
        if (s.given("fable-model", QUESTION) != null) {
            s.fable = null; // the flag's pin goes through the request as it is
            return;
        }
        List<String> fables = s.modelIds.stream().filter(FableStep::isFable).toList();
        if (fables.isEmpty()) {
            s.fable = null;
            return;
        }
        List<String> values = new ArrayList<>(List.of(""));
        values.addAll(fables);
        List<String> labels = new ArrayList<>(List.of("not pinned  (Claude Code's own choice)"));
        labels.addAll(ModelsStep.labels(s, fables));
        String pick = s.option(QUESTION, labels, values, "fable-model", s.fable, 0);
        s.fable = pick.isEmpty() ? null : pick;
    }

    static boolean isFable(String id) {
        ClaudeModelName name = ClaudeModelName.parse(id);
        return name != null && name.family().equals("fable");
    }
}
