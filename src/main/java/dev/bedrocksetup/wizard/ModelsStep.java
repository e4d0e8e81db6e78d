package dev.bedrocksetup.wizard;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.bedrock.AccessFinding;
import dev.bedrocksetup.bedrock.BuiltInModels;
import dev.bedrocksetup.bedrock.Catalogue;
import dev.bedrocksetup.bedrock.ClaudeProfile;
import dev.bedrocksetup.bedrock.ModelCatalogue;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.ModelProbe;
import dev.bedrocksetup.core.BedrockSetupException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The primary and the fast model, from the region's live catalogue (else the built-in list), then the model test:
 * one streaming call each, as Claude Code makes it ({@link ModelProbe}). A model that fails is kept only when the
 * user says so.
 */
final class ModelsStep implements Wizard.Step {
    static final String PRIMARY = "Primary model (ANTHROPIC_MODEL)?";
    static final String FAST = "Fast model for background tasks (ANTHROPIC_DEFAULT_HAIKU_MODEL)?";

    @Override
    public void run(WizardState s) {
        String givenModel = s.given("model", PRIMARY);
        String givenHaiku = s.given("haiku-model", FAST);
        List<String> ids = new ArrayList<>();
        String recommended = null;
        String recommendedHaiku = null;
        if (givenModel == null || givenHaiku == null) {
            try (AwsClients clients = s.apiKey == null ? s.bedrockClients() : null) {
                if (clients != null) {
                    s.ask.say("  Reading the Claude inference profiles of " + s.region + " ...");
                    Catalogue c = new ModelCatalogue(clients.bedrock(), s.region, s.profile).list(Runnable::run);
                    if (c.isFallback()) {
                        s.ask.say("! " + c.fallbackReason());
                    }
                    for (ClaudeProfile p : c.profiles()) {
                        if (p.isActive() && !ids.contains(p.id())) {
                            ids.add(p.id());
                        }
                    }
                    recommended = c.recommend().primary();
                    recommendedHaiku = c.recommend().haiku();
                }
            } catch (BedrockSetupException | SdkException e) {
                s.ask.say("! the live catalogue could not be read (" + dev.bedrocksetup.aws.AwsCallFailure.words(e)
                        + "); showing bedrock-setup's built-in list");
            }
            if (ids.isEmpty()) {
                BuiltInModels.forRegion(s.region).forEach(p -> ids.add(p.id()));
                if (s.apiKey != null) {
                    s.ask.say("  (built-in list: a Bedrock API key cannot list inference profiles)");
                }
            }
        }
        s.model = givenModel != null ? ModelIds.require("--model", givenModel, s.region, true)
                : s.select(PRIMARY, ids, ids, "model", s.model, ids.indexOf(recommended));
        if (givenHaiku != null) {
            s.haiku = ModelIds.require("--haiku-model", givenHaiku, s.region, false);
        } else {
            List<String> haikus = ids.stream().filter(id -> id.contains("haiku")).toList();
            s.haiku = haikus.isEmpty() ? null
                    : s.select(FAST, haikus, haikus, "haiku-model", s.haiku, haikus.indexOf(recommendedHaiku));
        }
        if (!s.request.flag("skip-probe")) {
            probe(s);
        }
    }

    private static void probe(WizardState s) {
        List<String> chosen = ModelProbe.worthCalling(s.model, s.haiku);
        if (chosen.isEmpty()) {
            return;
        }
        boolean allOk;
        try (AwsClients clients = s.bedrockClients()) {
            if (clients == null) {
                return;
            }
            s.ask.say("  Testing " + String.join(" and ", chosen) + " ...");
            List<AccessFinding> results = ModelProbe.probe(clients, s.region, s.profile, chosen);
            for (String line : AccessFinding.describe(results, s.marks.check(), s.marks.cross())) {
                s.ask.say("  " + line);
            }
            allOk = results.stream().allMatch(AccessFinding::ok);
        }
        if (!allOk && !s.ask.confirm("Keep these models anyway?", false)) {
            throw new Prompter.Back();
        }
    }
}
