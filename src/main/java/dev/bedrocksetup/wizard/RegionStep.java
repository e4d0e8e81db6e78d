package dev.bedrocksetup.wizard;

import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.bedrock.RegionNames;
import java.util.ArrayList;
import java.util.List;

/** The Bedrock region, from the one region list ({@link BedrockRegions}), the recommended one first. */
final class RegionStep implements Wizard.Step {
    static final String QUESTION = "Which Bedrock region?";

    @Override
    public void run(WizardState s) {
        String given = s.given("region", QUESTION);
        if (given != null) {
            s.region = RegionNames.require("--region", given);
        } else {
            String recommended = BedrockRegions.RECOMMENDED_DEFAULT;
            List<String> regions = new ArrayList<>(List.of(recommended));
            BedrockRegions.all().stream().filter(r -> !r.equals(recommended)).forEach(regions::add);
            List<String> labels = new ArrayList<>();
            for (String r : regions) {
                labels.add(r + "  · profiles " + RegionNames.geographyPrefix(r) + ". and global."
                        + (r.equals(recommended) ? "  (recommended)" : ""));
            }
            s.region = s.select(QUESTION, labels, regions, "region", s.region, 0);
        }
        s.ask.say("  Claude Code derives the " + RegionNames.geographyPrefix(s.region) + ". prefix from " + s.region
                + "; global. profiles work everywhere");
    }
}
