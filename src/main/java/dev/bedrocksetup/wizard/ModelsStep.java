package dev.bedrocksetup.wizard;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.bedrock.AccessFinding;
import dev.bedrocksetup.bedrock.BuiltInModels;
import dev.bedrocksetup.bedrock.Catalogue;
import dev.bedrocksetup.bedrock.ClaudeModelName;
import dev.bedrocksetup.bedrock.ClaudeProfile;
import dev.bedrocksetup.bedrock.ModelCatalogue;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.ModelProbe;
import dev.bedrocksetup.bedrock.OneMillionContext;
import dev.bedrocksetup.core.BedrockSetupException;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The primary model, from the region's live catalogue (else the built-in list); the fast model is the one the
 * catalogue recommends (Customize asks it, {@link FastModelStep}). Then the model test: one streaming call each, as
 * Claude Code makes it ({@link ModelProbe}). A model that fails is kept only when the user says so; one not kept is
 * never preselected again.
 */
final class ModelsStep implements Wizard.Step {
    static final String PRIMARY = "Primary model (ANTHROPIC_MODEL)?";

    @Override
    public void run(WizardState s) {
        String givenModel = s.given("model", PRIMARY);
        List<String> ids = new ArrayList<>();
        s.catalogue = null;
        s.recommendedHaiku = null;
        String recommended = null;
        Catalogue read = s.regionCatalogueRead();
        try (AwsClients clients = s.apiKey == null && read == null ? s.bedrockClients() : null) {
            if (clients != null || read != null) {
                Catalogue c = read;
                if (c == null) {
                    s.ask.say("  Reading the Claude inference profiles of " + s.region + " ...");
                    try (var wait = s.ask.waiting("reading")) {
                        c = new ModelCatalogue(clients.bedrock(), s.region, s.profile).list(Runnable::run);
                    }
                }
                if (c.isFallback()) {
                    s.ask.say("! " + c.fallbackReason());
                } else {
                    s.catalogue = c;
                }
                for (ClaudeProfile p : c.profiles()) {
                    if (p.isActive() && !ids.contains(p.id())) {
                        ids.add(p.id());
                    }
                }
                recommended = c.recommend().primary();
                s.recommendedHaiku = c.recommend().haiku();
            }
        } catch (BedrockSetupException | SdkException e) {
            s.ask.say("! the live catalogue could not be read (" + dev.bedrocksetup.aws.AwsCallFailure.words(e)
                    + "); showing bedrock-setup's built-in list");
        }
        if (ids.isEmpty()) {
            BuiltInModels.forRegion(s.region).forEach(p -> ids.add(p.id()));
            if (s.apiKey != null && givenModel == null) {
                s.ask.say("  (built-in list: a Bedrock API key cannot list inference profiles)");
            }
        }
        s.modelIds = List.copyOf(ids);
        if (givenModel != null) {
            s.model = ModelIds.require("--model", givenModel, s.region, true);
        } else {
            String first = !s.failedModels.contains(recommended) ? recommended
                    : ids.stream().filter(id -> !s.failedModels.contains(id)).findFirst().orElse(recommended);
            // a model in force with the [1m] tag opens the list on its ID (Customize offers the tag again)
            String previous = s.model != null ? s.model
                    : OneMillionContext.withoutTag(s.request.currentText("model"));
            s.model = s.select(PRIMARY, labels(s, ids), ids, "model",
                    s.failedModels.contains(previous) ? null : previous,
                    ids.indexOf(first));
        }
        new FastModelStep().run(s);
        if (!s.request.flag("skip-probe") && !keptAfterTest(s, ModelProbe.worthCalling(s.model, s.haiku))) {
            throw new Prompter.Back(); // the primary model asked again, the failed one not preselected
        }
    }

    /**
     * The list's items: the ID (what goes into the settings, and what typing filters on first), the model's name,
     * "legacy" for Claude 3 models, and a mark on a model that failed its test.
     */
    static List<String> labels(WizardState s, List<String> ids) {
        List<String> labels = new ArrayList<>();
        for (String id : ids) {
            ClaudeModelName name = ClaudeModelName.parse(id);
            StringBuilder label = new StringBuilder(id);
            if (name != null) {
                label.append("  ").append(s.marks.dot()).append(" Claude ").append(name.label());
                if (name.isLegacy()) {
                    label.append("  (legacy)");
                }
            }
            if (s.failedModels.contains(id)) {
                label.append("  ").append(s.marks.cross()).append(" failed its test");
            }
            labels.add(label.toString());
        }
        return labels;
    }

    /**
     * Tests {@code models} (one streaming call each) and says how each did; true when all answered or the user keeps
     * them anyway. Models not kept are remembered as failed.
     */
    static boolean keptAfterTest(WizardState s, List<String> models) {
        if (models.isEmpty()) {
            return true;
        }
        List<AccessFinding> results;
        try (AwsClients clients = s.bedrockClients()) {
            if (clients == null) {
                return true;
            }
            s.ask.say("  Testing " + String.join(" and ", models) + " ...");
            try (var wait = s.ask.waiting("testing")) {
                results = ModelProbe.probe(clients, s.region, s.profile, models);
            }
            for (String line : AccessFinding.describe(results, s.marks.check(), s.marks.cross())) {
                s.ask.say("  " + line);
            }
        }
        if (results.stream().allMatch(AccessFinding::ok) || s.ask.confirm("Keep these models anyway?", false)) {
            return true;
        }
        for (AccessFinding f : results) {
            if (!f.ok()) {
                s.failedModels.add(f.subject());
            }
        }
        return false;
    }
}
