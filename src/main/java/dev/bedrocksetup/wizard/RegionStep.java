package dev.bedrocksetup.wizard;

import dev.bedrocksetup.aws.ClientSettings;
import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.bedrock.Catalogue;
import dev.bedrocksetup.bedrock.ModelListing;
import dev.bedrocksetup.bedrock.ModelProbe;
import dev.bedrocksetup.bedrock.RegionNames;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Style;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Bedrock region, from the one region list ({@link BedrockRegions}). With credentials, every region's catalogue
 * is read first (as `models --all-regions` does), each region shows how many Claude profiles it offers, and the
 * recommended one is the region {@link BedrockRegions#recommended} picks from those answers; regions with Claude come
 * first. The list is open: its last item takes any well-formed region name typed, since the SDK's list lags new
 * regions and leaves out GovCloud.
 */
final class RegionStep implements Wizard.Step {
    static final String QUESTION = "Which Bedrock region?";
    static final String TYPED_QUESTION = "Region name";
    /** The last item: any region by name (GovCloud, a region newer than this build's SDK). */
    static final String ANOTHER = "Another region";

    @Override
    public void run(WizardState s) {
        String given = s.given("region", QUESTION);
        if (given != null) {
            s.region = RegionNames.require("--region", given);
        } else {
            Map<String, Catalogue> live = catalogues(s);
            String recommended = BedrockRegions.recommended(new ArrayList<>(live.values()));
            List<String> regions = new ArrayList<>(BedrockRegions.ordered(live.values()));
            for (String known : new String[] {s.request.currentText("region"), s.region}) {
                if (RegionNames.isValid(known) && !regions.contains(known)) {
                    regions.add(known); // in force or typed before Esc: offered again
                }
            }
            List<String> labels = new ArrayList<>();
            for (String r : regions) {
                labels.add(label(r, live.get(r), r.equals(recommended), s.marks));
            }
            labels.add(ANOTHER + "  " + s.marks.dot() + " type its name (GovCloud or a newer region)");
            regions.add("");
            String picked = s.select(QUESTION, labels, regions, "region", s.region, 0);
            s.region = picked.isEmpty() ? s.ask.text(TYPED_QUESTION + " (such as sa-east-1 or us-gov-west-1)",
                    null, RegionNames::refusal) : picked;
        }
        String geo = RegionNames.geographyPrefix(s.region);
        s.ask.say("global".equals(geo)
                ? "  " + s.region + " has no geography prefix: Claude Code uses global. profiles there"
                : "  Claude Code derives the " + geo + ". prefix from " + s.region + "; global. profiles work everywhere");
    }

    /**
     * A region's list item: how many Claude profiles its catalogue offers when it was read, and which prefixes
     * Claude Code uses there ("ca-central-1  · global. profiles"; "us-east-1  · 12 Claude profiles (us. and global.)").
     */
    static String label(String region, Catalogue live, boolean recommended, Style marks) {
        String prefixes = RegionNames.profilePrefixes(region);
        String what = live == null || live.isFallback() ? prefixes + " profiles"
                : live.profiles().isEmpty() ? "no Claude profiles"
                : live.profiles().size() + " Claude profiles (" + prefixes + ")";
        return region + "  " + marks.dot() + " " + what + (recommended ? "  (recommended)" : "");
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
            List<ModelListing.RegionOutcome> outcomes;
            try (var wait = s.ask.waiting("reading")) {
                outcomes = listing.list(BedrockRegions.all());
            }
            for (ModelListing.RegionOutcome o : outcomes) {
                if (!o.failed()) {
                    out.put(o.region(), o.catalogue());
                }
            }
            s.regionCataloguesRead(out);
        } catch (BedrockSetupException | software.amazon.awssdk.core.exception.SdkException e) {
            s.ask.say("! the regions' catalogues could not be read (" + dev.bedrocksetup.aws.AwsCallFailure.words(e)
                    + ")");
        }
        return out;
    }
}
