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

    /** What to do instead of a name that is not a region. */
    public static final String FIX = "use a region such as us-east-1, eu-west-1 or sa-east-1";

    /** Validates a region flag: exit 2 with an example when it is not an AWS region name. */
    public static String require(String flag, String region) {
        if (!isValid(region)) {
            throw BedrockSetupException.usage(flag + " " + problem(region), FIX);
        }
        return region;
    }

    /** Why a typed name is refused, on one line with the fix ("'sa-east' is not an AWS region name; use …"). */
    public static String refusal(String region) {
        return isValid(region) ? null : problem(region) + "; " + FIX;
    }

    private static String problem(String region) {
        return TerminalText.quote(region) + " is not an AWS region name";
    }

    /**
     * The inference profiles Claude Code can use in a region, for a list item: "us. and global." where the region
     * has a geography of its own, "global." alone where it has none (ca-central-1, sa-east-1).
     */
    public static String profilePrefixes(String region) {
        String geo = geographyPrefix(region);
        return "global".equals(geo) ? "global." : geo + ". and global.";
    }

    /**
     * The geography prefix Claude Code derives from a region alone: us-gov-* → us-gov, us-* → us, eu-* → eu,
     * ap-* → apac, anything else → global ({@link RegionPrefix#derived}, the one place this is decided).
     */
    public static String geographyPrefix(String region) {
        return RegionPrefix.derived(region);
    }

    /** The ARN partition of a region: aws-us-gov for GovCloud, aws-cn for China, aws elsewhere. */
    public static String partition(String region) {
        return region.startsWith("us-gov-") ? "aws-us-gov" : region.startsWith("cn-") ? "aws-cn" : "aws";
    }
}
