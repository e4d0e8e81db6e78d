package dev.bedrocksetup.bedrock;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.Tag;

/**
 * Tagged application inference profiles for cost attribution (issue 18): one per chosen system-defined profile,
 * copied from it, carrying the team's tags. Idempotent: bedrock-setup's own profiles are found by their tags
 * (the team's and {@value #SOURCE_TAG}) before anything is created, so a second run creates none.
 */
public final class ApplicationProfiles {
    /** The tag that marks a profile as bedrock-setup's copy of a system-defined profile (value: its ID). */
    public static final String SOURCE_TAG = "bedrock-setup:copied-from";
    private static final Pattern SYSTEM_ID = Pattern.compile("^([a-z]{2,6}(?:-gov)?)\\.anthropic\\.(claude-.+)$");

    private final BedrockClient bedrock;
    private final String region;
    private final String account;

    public ApplicationProfiles(BedrockClient bedrock, String region, String account) {
        this.bedrock = bedrock;
        this.region = region;
        this.account = account;
    }

    /** One chosen model: its system-defined profile, and bedrock-setup's application profile for it (if any yet). */
    public record Copy(String sourceId, String anthropicId, String name, Map<String, String> tags, String arn) {
        public boolean exists() {
            return arn != null;
        }

        public String sourceArn(String region, String account) {
            return "arn:" + RegionNames.partition(region) + ":bedrock:" + region + ":" + account + ":inference-profile/"
                    + sourceId;
        }
    }

    /**
     * The Anthropic model ID Claude Code looks up in modelOverrides for a system-defined profile:
     * us.anthropic.claude-sonnet-4-5-20250929-v1:0 → claude-sonnet-4-5-20250929; null when it is not one.
     */
    public static String anthropicId(String profileId) {
        Matcher m = SYSTEM_ID.matcher(profileId);
        return m.matches() ? m.group(2).replaceAll("-v\\d+(:\\d+)?$", "") : null;
    }

    /** Finds bedrock-setup's profile for each model (ListInferenceProfiles, ListTagsForResource); creates nothing. */
    public List<Copy> find(List<String> sourceIds, Map<String, String> wantedTags) {
        Map<String, String> owned = new LinkedHashMap<>(); // sourceId -> arn of a profile carrying all wanted tags
        String token = null;
        do {
            String next = token;
            var page = bedrock.listInferenceProfiles(r -> r.typeEquals(InferenceProfileType.APPLICATION)
                    .nextToken(next));
            for (InferenceProfileSummary p : page.inferenceProfileSummaries()) {
                Map<String, String> tags = tags(p.inferenceProfileArn());
                String source = tags.get(SOURCE_TAG);
                boolean ours = source != null && wantedTags.entrySet().stream()
                        .allMatch(e -> e.getValue().equals(tags.get(e.getKey())));
                if (ours && sourceIds.contains(source)) {
                    owned.putIfAbsent(source, p.inferenceProfileArn());
                }
            }
            token = page.nextToken();
        } while (token != null);
        List<Copy> out = new ArrayList<>();
        for (String id : sourceIds) {
            Map<String, String> tags = new LinkedHashMap<>(wantedTags);
            tags.put(SOURCE_TAG, id);
            out.add(new Copy(id, anthropicId(id), name(wantedTags, id), tags, owned.get(id)));
        }
        return out;
    }

    /** The system-defined profile bedrock-setup copied into {@code arn} (its tag), or null. */
    public String sourceOf(String arn) {
        return tags(arn).get(SOURCE_TAG);
    }

    /** CreateInferenceProfile for a copy that does not exist yet; returns it with its ARN. */
    public Copy create(Copy c) {
        List<Tag> tags = new ArrayList<>();
        c.tags().forEach((k, v) -> tags.add(Tag.builder().key(k).value(v).build()));
        String arn = bedrock.createInferenceProfile(r -> r.inferenceProfileName(c.name())
                .description("bedrock-setup: " + c.sourceId() + " for " + describe(c.tags()))
                .modelSource(s -> s.copyFrom(c.sourceArn(region, account))).tags(tags)).inferenceProfileArn();
        return new Copy(c.sourceId(), c.anthropicId(), c.name(), c.tags(), arn);
    }

    /** The call create makes, as `--dry-run` prints it. */
    public String describeCreate(Copy c) {
        return "CreateInferenceProfile inferenceProfileName=" + c.name() + " modelSource.copyFrom="
                + c.sourceArn(region, account) + " tags=" + describe(c.tags());
    }

    private Map<String, String> tags(String arn) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Tag t : bedrock.listTagsForResource(r -> r.resourceARN(arn)).tags()) {
            out.put(t.key(), t.value());
        }
        return out;
    }

    /** "bedrock-setup-platform-alice-claude-sonnet-4-5-20250929", cut to Bedrock's 64 characters and pattern. */
    static String name(Map<String, String> tags, String sourceId) {
        StringBuilder b = new StringBuilder("bedrock-setup");
        for (String v : tags.values()) {
            b.append('-').append(v);
        }
        String id = anthropicId(sourceId);
        String geo = sourceId.substring(0, sourceId.indexOf('.'));
        String tail = "-" + geo + "-" + (id == null ? sourceId : id);
        String head = b.toString().replaceAll("[^0-9A-Za-z.:-]", "-");
        String name = head.substring(0, Math.min(head.length(), Math.max(1, 64 - tail.length()))) + tail;
        name = name.replaceAll("[^0-9A-Za-z.:-]", "-").replaceAll("-{2,}", "-");
        return name.length() > 64 ? name.substring(name.length() - 64).replaceAll("^[-]+", "") : name;
    }

    private static String describe(Map<String, String> tags) {
        List<String> out = new ArrayList<>();
        tags.forEach((k, v) -> out.add(k + "=" + v));
        return String.join(",", out);
    }

    /** --tag KEY=VALUE as AWS takes tags: a key of 1 to 128 characters, a value of at most 256. */
    /**
     * The characters Bedrock takes in a tag key or value ({@code [a-zA-Z0-9\\s._:/=+@-]*}, or a ValidationException
     * after the calls began), less the line breaks and tabs its {@code \\s} would let into a cost report.
     */
    private static final Pattern TAG_TEXT = Pattern.compile("[a-zA-Z0-9 ._:/=+@-]*");

    public static Map<String, String> parseTags(List<String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String t : given == null ? List.<String>of() : given) {
            int eq = t.indexOf('=');
            String k = eq < 0 ? t : t.substring(0, eq).strip();
            String v = eq < 0 ? "" : t.substring(eq + 1).strip();
            if (eq < 0 || k.isEmpty() || k.length() > 128 || v.length() > 256 || k.startsWith("aws:")
                    || k.equals(SOURCE_TAG)) {
                throw BedrockSetupException.usage("--tag " + TerminalText.quote(t) + " is not a tag bedrock-setup can set",
                        "give KEY=VALUE, for example --tag team=platform (keys up to 128 characters, not aws:...)");
            }
            if (!TAG_TEXT.matcher(k).matches() || !TAG_TEXT.matcher(v).matches()) {
                throw BedrockSetupException.usage("--tag " + TerminalText.quote(t) + " has a character AWS does not take in a tag",
                        "use letters, digits, spaces and _ . : / = + - @ (Bedrock's tag characters, ASCII only)");
            }
            out.put(k, v);
        }
        if (out.isEmpty()) {
            throw BedrockSetupException.usage("team profiles needs the tag that attributes the cost",
                    "add --tag KEY=VALUE, for example --tag team=platform (activate it as a cost allocation tag)");
        }
        return out;
    }
}
