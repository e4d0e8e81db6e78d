package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import java.util.regex.Pattern;

/** AWS region names, and the inference-profile geography Claude Code derives from each. */
public final class RegionNames {
    private RegionNames() {}

    private static final Pattern REGION = Pattern.compile("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]{1,2}$");

    public static boolean isValid(String region) {
        return region != null && REGION.matcher(region).matches();
    }

    /** Validates a region flag: exit 2 with an example when it is not an AWS region name. */
    public static String require(String flag, String region) {
        if (!isValid(region)) {
            throw BedrockSetupException.usage(flag + " " + TerminalText.quote(region) + " is not an AWS region name",
                    "use a region such as us-east-1, us-west-2 or eu-west-1");
        }
        return region;
    }

    /**
     * The geography prefix Claude Code derives from a region alone: us-gov-* → us-gov, us-* → us, eu-* → eu,
     * ap-* → apac, anything else → global ({@link RegionPrefix#derived}, the one place this is decided).
     */
    public static String geographyPrefix(String region) {
        return RegionPrefix.derived(region);
    }
}
