package dev.bedrocksetup.wizard;

import dev.bedrocksetup.bedrock.ModelIds;
import java.util.List;

/**
 * The fast model (ANTHROPIC_DEFAULT_HAIKU_MODEL): the summary takes the one in force, else the catalogue's
 * recommendation (never one that failed its test); Customize asks, and tests a model picked there.
 */
final class FastModelStep implements Wizard.Step {
    static final String QUESTION = "Fast model for background tasks (ANTHROPIC_DEFAULT_HAIKU_MODEL)?";

    @Override
    public void run(WizardState s) {
        String given = s.given("haiku-model", QUESTION);
        if (given != null) {
            s.haiku = ModelIds.require("--haiku-model", given, s.region, false);
            return;
        }
        List<String> haikus = s.modelIds.stream().filter(id -> id.contains("haiku")).toList();
        if (haikus.isEmpty()) {
            s.haiku = null;
            return;
        }
        String fallback = !s.failedModels.contains(s.recommendedHaiku) && haikus.contains(s.recommendedHaiku)
                ? s.recommendedHaiku : haikus.stream().filter(id -> !s.failedModels.contains(id)).findFirst()
                .orElse(haikus.get(0));
        String before = s.haiku;
        s.haiku = s.option(QUESTION, ModelsStep.labels(s, haikus), haikus, "haiku-model",
                s.failedModels.contains(before) ? null : before, haikus.indexOf(fallback));
        if (s.customizing && !s.haiku.equals(before) && !s.request.flag("skip-probe")
                && !ModelsStep.keptAfterTest(s, List.of(s.haiku))) {
            throw new Prompter.Back(); // asked again, the failed model not preselected
        }
    }
}
