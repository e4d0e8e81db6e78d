package dev.bedrocksetup.wizard;

import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.bedrock.Catalogue;
import dev.bedrocksetup.bedrock.ModelListing;
import dev.bedrocksetup.bedrock.ModelProbe;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.core.BedrockSetupException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bedrock region, from the one region list ({@link BedrockRegions}). With credentials, every region's catalogue
 * is read first (as `models --all-regions` does), each region shows how many Claude profiles it offers, and the
 * recommended one is the region {@link BedrockRegions#recommended} picks from those answers.
 */
final class RegionStep implements Wizard.Step {
    static final String QUESTION = "Which Bedrock region?";

    @Override
    public void run(WizardState s) {
        String given = s.given("region", QUESTION);
        if (given != null) {
            s.region = RegionNames.require("--region", given);
        } else {
            Map<String, Catalogue> live = catalogues(s);
            String recommended = BedrockRegions.recommended(new ArrayList<>(live.values()));
            List<String> regions = new ArrayList<>(List.of(recommended));
            BedrockRegions.all().stream().filter(r -> !r.equals(recommended)).forEach(regions::add);
            List<String> labels = new ArrayList<>();
            for (String r : regions) {
                Catalogue c = live.get(r);
                String geo = RegionNames.geographyPrefix(r);
                String dot = "  " + s.marks.dot() + " ";
                labels.add(r + (c == null || c.isFallback() ? dot + "profiles " + geo + ". and global."
                        : dot + c.profiles().size() + " Claude profiles (" + geo + ". and global.)")
                        + (r.equals(recommended) ? "  (recommended)" : ""));
            }
            s.region = s.select(QUESTION, labels, regions, "region", s.region, 0);
        }
        s.ask.say("  Claude Code derives the " + RegionNames.geographyPrefix(s.region) + ". prefix from " + s.region
                + "; global. profiles work everywhere");
    }

    /** Every region's catalogue, read at once; empty when there are no credentials that can list (an API key). */
    private static Map<String, Catalogue> catalogues(WizardState s) {
        Map<String, Catalogue> out = new HashMap<>();
        if (s.apiKey != null) {
            return out;
        }
        try {
            s.ask.say("  Reading the Claude inference profiles of every Bedrock region ...");
            ModelListing listing = new ModelListing(s.env, s.provider(), s.profile, ClientSettings.defaults()
                    .withMaxAttempts(1).withCallTimeout(ModelProbe.DEADLINE));
            for (ModelListing.RegionOutcome o : listing.list(BedrockRegions.all())) {
                if (!o.failed()) {
                    out.put(o.region(), o.catalogue());
                }
            }
        } catch (BedrockSetupException | software.amazon.awssdk.core.exception.SdkException e) {
            s.ask.say("! the regions' catalogues could not be read (" + dev.bedrocksetup.aws.AwsCallFailure.words(e)
                    + ")");
        }
        return out;
    }
}
