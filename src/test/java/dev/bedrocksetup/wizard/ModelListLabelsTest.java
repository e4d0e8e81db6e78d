package dev.bedrocksetup.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 20, item 16: a model list names each model beside its ID, tags Claude 3 as legacy, and marks a failed test. */
class ModelListLabelsTest {
    @Test
    void eachItemIsTheIdThenTheModelsName() {
        WizardState s = new WizardState(null, new ScriptedPrompter(), null, null, null, null, null, null, false);
        s.failedModels.add("global.anthropic.claude-opus-5");
        List<String> labels = ModelsStep.labels(s, List.of("us.anthropic.claude-opus-4-6-v1",
                "us.anthropic.claude-3-5-sonnet-20240620-v1:0", "global.anthropic.claude-opus-5",
                "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc"));
        assertEquals(List.of("us.anthropic.claude-opus-4-6-v1  · Claude Opus 4.6",
                "us.anthropic.claude-3-5-sonnet-20240620-v1:0  · Claude Sonnet 3.5  (legacy)",
                "global.anthropic.claude-opus-5  · Claude Opus 5  ✘ failed its test",
                "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc"), labels);
    }
}
