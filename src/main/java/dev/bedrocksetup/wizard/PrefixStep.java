package dev.bedrocksetup.wizard;

import dev.bedrocksetup.bedrock.ClaudeProfile;
import dev.bedrocksetup.bedrock.ModelIds;
import dev.bedrocksetup.bedrock.RegionPrefix;
import java.util.ArrayList;
import java.util.List;

/**
 * The region prefix Claude Code puts on the models it picks itself (ANTHROPIC_BEDROCK_REGION_PREFIX): asked under
 * Customize only when the region's catalogue has jp. or au. profiles, which Claude Code never derives; GovCloud
 * ignores the setting, so it is never asked there.
 */
final class PrefixStep implements Wizard.Step {
    static final String QUESTION = "Region prefix for the models Claude Code picks itself (ANTHROPIC_BEDROCK_REGION_PREFIX)?";
    private static final List<String> ONLY_BY_SETTING = List.of("jp", "au");

    @Override
    public void run(WizardState s) {
        if (s.given("region-prefix", QUESTION) != null) {
            s.regionPrefix = null;
            return;
        }
        List<String> offered = new ArrayList<>();
        if (s.catalogue != null && !RegionPrefix.isGovCloud(s.region)) {
            for (ClaudeProfile p : s.catalogue.profiles()) {
                if (ONLY_BY_SETTING.contains(p.prefix()) && !offered.contains(p.prefix())
                        && ModelIds.fitsRegion(p.prefix(), s.region)) {
                    offered.add(p.prefix());
                }
            }
        }
        if (offered.isEmpty()) {
            s.regionPrefix = null;
            return;
        }
        List<String> values = new ArrayList<>(List.of(""));
        List<String> labels = new ArrayList<>(List.of(RegionPrefix.derived(s.region) + ".  (derived from " + s.region
                + "; Claude Code's default)"));
        for (String prefix : offered) {
            values.add(prefix);
            labels.add(prefix + ".  (only through this setting)");
        }
        values.add("global");
        labels.add("global.  (any region)");
        String pick = s.option(QUESTION, labels, values, "region-prefix", s.regionPrefix, 0);
        s.regionPrefix = pick.isEmpty() ? null : pick;
    }
}
