package dev.bedrocksetup.cli;

import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.awsconfig.AwsFileLocations;
import dev.bedrocksetup.bedrock.BedrockRegions;
import dev.bedrocksetup.claude.EffectiveConfiguration;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.setup.Answer;
import dev.bedrocksetup.setup.SetupInForce;
import dev.bedrocksetup.sso.SsoProfiles;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;

/**
 * Where a command starts (decision 0025): the profile, region and models a flag names, else those of the setup in
 * force (what Claude Code is set up with now, {@link SetupInForce}), else the fallback the command always had
 * (AWS_PROFILE, then default; the profile's region). What came from the setup in force is said in one line on
 * stderr, so stdout (JSON, credentials) stays exactly what a script or Claude Code reads.
 */
final class CommandSetup {
    private final CliContext ctx;
    private final Path projectDir;
    private SetupInForce inForce;

    /** {@code projectDir}: the project whose settings count (null: the working directory). */
    CommandSetup(CliContext ctx, Path projectDir) {
        this.ctx = ctx;
        this.projectDir = projectDir;
    }

    /** Read once, and only when a flag leaves something open: export-credentials --profile reads no settings. */
    SetupInForce inForce() {
        if (inForce == null) {
            inForce = SetupInForce.read(ctx.env, projectDir);
        }
        return inForce;
    }

    /** --profile, else the setup in force's profile; unanswered when neither names one. */
    Answer<String> profile(ProfileOption flag) {
        Answer<String> given = flag.answer();
        return given.answered() ? given : inForce().profile();
    }

    /** The profile to use: the answer, else the fallback every command had (AWS_PROFILE, then default). */
    String profileName(Answer<String> profile) {
        return SsoProfiles.profileName(ctx.env, profile.value());
    }

    /** --region (checked to be an AWS region), else the setup in force's; unanswered when neither names one. */
    Answer<String> region(RegionOption flag) {
        Answer<String> given = flag.answer();
        return given.answered() ? given : inForce().region();
    }

    /** The --model flags, else the models the setup in force pins (primary first); empty when neither has any. */
    List<String> models(List<String> flags) {
        return flags != null && !flags.isEmpty() ? flags : inForce().models();
    }

    /**
     * As {@link #models}, each configured model replaced by what Claude Code sends for it: its modelOverrides target
     * (an application inference profile ARN after `team profiles`).
     */
    List<String> modelsAsSent(List<String> flags) {
        if (flags != null && !flags.isEmpty()) {
            return flags;
        }
        java.util.Map<String, String> overrides = dev.bedrocksetup.claude.ModelOverrides.inForce(
                dev.bedrocksetup.claude.SettingsSnapshot.read(ctx.env,
                        new dev.bedrocksetup.claude.SettingsLocations(ctx.env, projectDir)));
        List<String> out = new java.util.ArrayList<>();
        for (String id : inForce().models()) {
            String sent = overrides.getOrDefault(id, id);
            if (!out.contains(sent)) {
                out.add(sent);
            }
        }
        return out;
    }

    /**
     * The region answered, else the one the profile names ({@link #profileRegion}); exit 2 when neither names one,
     * the fix ending with {@code orElse} (another way the command offers, or "").
     */
    String regionOrProfiles(Answer<String> region, String profileName, String orElse) {
        String r = region.answered() ? region.value() : profileRegion(profileName);
        if (r == null) {
            throw BedrockSetupException.usage("no region: neither --region, the setup in force (AWS_REGION) nor "
                    + "profile " + profileName + " names one", "add --region, for example --region "
                    + BedrockRegions.RECOMMENDED_DEFAULT + orElse);
        }
        return r;
    }

    /**
     * The region the profile names in the AWS config (after AWS_REGION, as the SDKs read it), or null: the fallback
     * when neither a flag nor the setup in force names a region. Only a regular file is read.
     */
    String profileRegion(String profileName) {
        String text = TextFile.readOrNull(new AwsFileLocations(ctx.env).configFile());
        ProfileFile file = null;
        if (text != null) {
            try {
                file = ProfileFile.builder().content(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))
                        .type(ProfileFile.Type.CONFIGURATION).build();
            } catch (RuntimeException e) {
                file = null; // unparseable: the credentials step names the file and the fix
            }
        }
        return AwsClients.regionOf(ctx.env, file, profileName).map(Region::id).orElse(null);
    }

    /** "using profile k and region eu-west-1 from ~/.claude/settings.json" on stderr, when either came from there. */
    void announce(Answer<String> profile, Answer<String> region) {
        announce(ctx, profile, region);
    }

    /** For doctor and verify, which resolve Claude Code's effective configuration themselves: the same line. */
    static void announce(CliContext ctx, EffectiveConfiguration effective) {
        SetupInForce s = SetupInForce.of(effective, ctx.env);
        announce(ctx, s.profile(), s.region());
    }

    private static void announce(CliContext ctx, Answer<String> profile, Answer<String> region) {
        String line = SetupInForce.usingLine(profile, region);
        if (line != null) {
            // the values come from files anyone may have edited: shown escaped, on this one line
            ctx.err.println(ctx.style.dim(TerminalText.oneLine(line)));
            ctx.err.flush();
        }
    }
}
