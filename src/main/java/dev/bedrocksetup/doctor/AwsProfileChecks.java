package dev.bedrocksetup.doctor;

import dev.bedrocksetup.awsconfig.SsoProfileRequest;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/** The AWS profile Claude Code will use, read with the AWS SDK's own parser, and its SSO token cache. */
final class AwsProfileChecks {
    private AwsProfileChecks() {}

    static final String GROUP = "AWS config";
    static final String GROUP_SSO = "SSO session";

    static List<Check> all() {
        return List.of(
            new Check("aws.config-readable", GROUP, "~/.aws/config is readable by the SDKs",
                    "every AWS tool fails to load the profile", false, AwsProfileChecks::configReadable),
            new Check("aws.profile-exists", GROUP, "The profile exists",
                    "\"Could not load credentials from any providers\"", false, AwsProfileChecks::profileExists),
            new Check("aws.legacy-sso", GROUP, "SSO profile uses an sso-session",
                    "re-login every ~8 hours", false, AwsProfileChecks::legacySso),
            new Check("aws.sso-session-missing", GROUP, "The profile's sso-session exists",
                    "\"Profile ... is configured to use SSO but is missing required configuration\"", false,
                    AwsProfileChecks::ssoSessionMissing),
            new Check("aws.static-shadow", GROUP, "No static keys shadow the SSO profile",
                    "Claude Code uses old static keys instead of SSO", false, AwsProfileChecks::staticShadow),
            new Check("sso.token", GROUP_SSO, "Logged in to IAM Identity Center",
                    "\"The SSO session associated with this profile has expired\"", false, AwsProfileChecks::ssoToken));
    }

    /** The config and credentials files, as the SDKs locate them. */
    static Path configPath(DoctorInputs in) {
        return new dev.bedrocksetup.awsconfig.AwsFileLocations(in.env).configFile();
    }

    static Path credentialsPath(DoctorInputs in) {
        return new dev.bedrocksetup.awsconfig.AwsFileLocations(in.env).credentialsFile();
    }

    public static String profileName(DoctorInputs in) {
        String p = in.effective.value("AWS_PROFILE");
        return p == null || p.isEmpty() ? "default" : p;
    }

    /** The parsed file, or the SDK's error message as a String. */
    static Object load(Path path, ProfileFile.Type type) {
        try {
            // through TextFile: a device, a FIFO or a directory in its place is reported, never read
            String text = TextFile.readOrNull(path);
            return ProfileFile.builder().content(new java.io.ByteArrayInputStream(
                    (text == null ? "" : text).getBytes(java.nio.charset.StandardCharsets.UTF_8))).type(type).build();
        } catch (dev.bedrocksetup.core.BedrockSetupException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
    }

    public static Optional<Profile> profile(DoctorInputs in, String name) {
        Object cfg = load(configPath(in), ProfileFile.Type.CONFIGURATION);
        return cfg instanceof ProfileFile ? ((ProfileFile) cfg).profile(name) : Optional.empty();
    }

    static boolean profileExists(DoctorInputs in, String name) {
        if (profile(in, name).isPresent()) {
            return true;
        }
        Object cred = load(credentialsPath(in), ProfileFile.Type.CREDENTIALS);
        return cred instanceof ProfileFile && ((ProfileFile) cred).profile(name).isPresent();
    }

    /**
     * Claude Code's JavaScript SDK ignores access keys in the environment when AWS_PROFILE is set; with an API key, or
     * with CLAUDE_CODE_SKIP_BEDROCK_AUTH, it reads no profile at all.
     */
    static boolean usesProfile(DoctorInputs in) {
        return !in.effective.isSet("AWS_BEARER_TOKEN_BEDROCK") && !in.effective.isTruthy("CLAUDE_CODE_SKIP_BEDROCK_AUTH")
                && (in.effective.isSet("AWS_PROFILE") || !in.effective.isSet("AWS_ACCESS_KEY_ID"));
    }

    static Finding configReadable(Check c, DoctorInputs in) {
        for (Object[] f : new Object[][] {{configPath(in), ProfileFile.Type.CONFIGURATION},
            {credentialsPath(in), ProfileFile.Type.CREDENTIALS}}) {
            Object r = load((Path) f[0], (ProfileFile.Type) f[1]);
            if (r instanceof String) {
                return c.fail(f[0] + " cannot be read by the AWS SDK: " + r,
                        "correct that line (only `key = value` lines inside a [section]; no `key: value`)");
            }
        }
        return c.ok(Files.exists(configPath(in)) ? configPath(in) + " reads cleanly" : "no " + configPath(in));
    }

    static Finding profileExists(Check c, DoctorInputs in) {
        if (!usesProfile(in)) {
            return c.skipped("credentials do not come from a profile");
        }
        String name = profileName(in);
        if (!in.effective.isSet("AWS_PROFILE") && !profileExists(in, name)) {
            return c.skipped("no AWS_PROFILE set and no [default] profile");
        }
        if (profileExists(in, name)) {
            return c.ok("profile " + name + " found");
        }
        if (in.effective.isSet("awsCredentialExport")) {
            // Claude Code signs with the helper's credentials and needs the profile only when it rejects them
            // (2.1.330, 2.1.332; decision 0016): helpers.export says whether it does
            return c.warn("AWS_PROFILE is \"" + name + "\" but " + configPath(in) + " has no [profile " + name + "]: "
                    + "Claude Code uses awsCredentialExport, and falls back to this profile only when the helper fails",
                    "remove AWS_PROFILE, or create the profile: " + SsoProfileRequest.initCommand(name));
        }
        return c.fail("AWS_PROFILE is \"" + name + "\" but " + configPath(in) + " has no [profile " + name + "]",
                SsoProfileRequest.initCommand(name) + " (creates it), or correct AWS_PROFILE");
    }

    static Finding legacySso(Check c, DoctorInputs in) {
        Optional<Profile> p = profile(in, profileName(in));
        if (p.isEmpty() || !usesProfile(in)) {
            return c.skipped("no profile to inspect");
        }
        Map<String, String> props = p.get().properties();
        if (props.containsKey("sso_start_url") && !props.containsKey("sso_session")) {
            return c.warn("profile " + profileName(in) + " is a legacy SSO profile (no sso-session): its login cannot "
                    + "refresh and lasts about 8 hours", "migrate it to an [sso-session] with "
                    + "sso_registration_scopes = sso:account:access (aws configure sso)");
        }
        return c.ok(props.containsKey("sso_session") ? "sso-session " + props.get("sso_session") : "not an SSO profile");
    }

    static Finding ssoSessionMissing(Check c, DoctorInputs in) {
        Optional<Profile> p = profile(in, profileName(in));
        if (p.isEmpty() || !p.get().properties().containsKey("sso_session")) {
            return c.skipped("the profile does not use an sso-session");
        }
        String session = p.get().properties().get("sso_session");
        Object cfg = load(configPath(in), ProfileFile.Type.CONFIGURATION);
        if (cfg instanceof ProfileFile && ((ProfileFile) cfg).getSection("sso-session", session).isEmpty()) {
            return c.fail("profile " + profileName(in) + " refers to [sso-session " + session + "], which "
                    + configPath(in) + " does not have", SsoProfileRequest.initCommand(profileName(in), session));
        }
        return c.ok("[sso-session " + session + "] found");
    }

    static Finding staticShadow(Check c, DoctorInputs in) {
        String name = profileName(in);
        Optional<Profile> p = profile(in, name);
        if (p.isEmpty() || !(p.get().properties().containsKey("sso_session")
                || p.get().properties().containsKey("sso_start_url"))) {
            return c.skipped("not an SSO profile");
        }
        Object cred = load(credentialsPath(in), ProfileFile.Type.CREDENTIALS);
        if (cred instanceof ProfileFile) {
            Optional<Profile> keys = ((ProfileFile) cred).profile(name);
            if (keys.isPresent() && keys.get().properties().containsKey("aws_access_key_id")) {
                // offline nothing tells working keys from stale ones: a failure; StaticKeysVerdict makes it a warning
                // when AWS accepts them (Claude Code then answers, as their IAM user: agreement matrix)
                return c.fail(credentialsPath(in) + " has static keys under [" + name + "]: Claude Code (the "
                        + "JavaScript SDK) signs with them before SSO, as their IAM user, not the SSO role you set up",
                        "delete the [" + name + "] section from " + credentialsPath(in));
            }
        }
        return c.ok("no static keys under [" + name + "]");
    }

    static Finding ssoToken(Check c, DoctorInputs in) {
        Optional<Profile> p = profile(in, profileName(in));
        if (p.isEmpty() || !usesProfile(in)) {
            return c.skipped("no SSO profile in use");
        }
        Map<String, String> props = p.get().properties();
        String key;
        if (props.containsKey("sso_session")) {
            key = props.get("sso_session");
            Object cfg = load(configPath(in), ProfileFile.Type.CONFIGURATION);
            if (cfg instanceof ProfileFile && ((ProfileFile) cfg).getSection("sso-session", key).isEmpty()) {
                // no login can help before the section is back: aws.sso-session-missing says how
                return c.skipped("[sso-session " + key + "] is missing, so there is nothing to log in to");
            }
        } else if (props.containsKey("sso_start_url")) {
            key = props.get("sso_start_url");
        } else {
            return c.skipped("not an SSO profile");
        }
        Path cache = in.env.home().resolve(".aws/sso/cache").resolve(TextFile.sha1Hex(key) + ".json");
        String login = "bedrock-setup login --profile " + profileName(in) + "   (or: aws sso login --profile "
                + profileName(in) + ")";
        String text;
        try {
            text = TextFile.readOrNull(cache);
        } catch (RuntimeException e) {
            return c.fail("the token cache " + cache + " cannot be read: " + e.getMessage(), login);
        }
        if (text == null) {
            return c.fail("not logged in: no token cache " + cache, login);
        }
        SsoToken token = SsoTokenCache.parse(text);
        if (token == null || token.expiresAt == null) {
            return c.fail("the token cache " + cache + " is damaged (no valid expiresAt)", login);
        }
        Instant now = in.env.clock().instant();
        boolean refreshable = token.canRefresh(now);
        if (token.isExpired(now)) {
            if (refreshable && props.containsKey("sso_session")) {
                return c.warn("the access token expired at " + token.expiresAt + "; the SDKs will refresh it with the "
                        + "refresh token", "nothing to do; if a call fails: " + login);
            }
            return c.fail("the SSO login expired at " + token.expiresAt + " and cannot be refreshed", login);
        }
        Duration left = Duration.between(now, token.expiresAt);
        if (token.needsRefresh(now) && !refreshable) {
            return c.warn("the token expires in " + dev.bedrocksetup.core.Deadlines.describe(left)
                    + " and the cache lacks clientId, clientSecret or refreshToken (or their registration expired), "
                    + "which the SDKs need inside their refresh window", login);
        }
        return c.ok("logged in; token valid for " + dev.bedrocksetup.core.Deadlines.describe(left)
                + (refreshable ? ", refreshable" : ""));
    }
}
