package dev.bedrocksetup.sso;

import dev.bedrocksetup.awsconfig.SsoProfileRequest;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/** Reads what a login needs from ~/.aws/config with the AWS SDK's own parser. */
public final class SsoProfiles {
    private SsoProfiles() {}

    public static Path configPath(Environment env) {
        return new dev.bedrocksetup.awsconfig.AwsFileLocations(env).configFile();
    }

    /** The profile to use: the given name, else AWS_PROFILE, else "default". */
    public static String profileName(Environment env, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String p = env.nonBlank("AWS_PROFILE");
        return p != null ? p : "default";
    }

    public static ProfileFile load(Environment env) {
        Path path = configPath(env);
        if (!Files.exists(path)) {
            throw BedrockSetupException.usage("there is no AWS config file at " + path,
                    "create an SSO profile with: bedrock-setup init");
        }
        try {
            return ProfileFile.builder().content(path).type(ProfileFile.Type.CONFIGURATION).build();
        } catch (RuntimeException e) {
            throw BedrockSetupException.local(path + " cannot be read by the AWS SDK: " + e.getMessage(),
                    "correct that line (only `key = value` lines inside a [section])", e);
        }
    }

    /** The SSO session of a profile; exit 2 when the profile is missing or not an SSO profile. */
    public static SsoSession session(Environment env, ProfileFile file, String profileName) {
        Optional<Profile> p = file.profile(profileName);
        if (p.isEmpty()) {
            throw BedrockSetupException.usage("there is no profile '" + profileName + "' in " + configPath(env),
                    "create it with: " + SsoProfileRequest.initCommand(profileName));
        }
        Map<String, String> props = p.get().properties();
        String sessionName = props.get("sso_session");
        if (sessionName != null) {
            Optional<Profile> s = file.getSection("sso-session", sessionName);
            if (s.isEmpty()) {
                throw BedrockSetupException.usage("profile '" + profileName + "' uses [sso-session " + sessionName
                        + "], which " + configPath(env) + " does not have",
                        "add the section, or write it back with: "
                                + SsoProfileRequest.initCommand(profileName, sessionName));
            }
            Map<String, String> sp = s.get().properties();
            String url = sp.get("sso_start_url");
            String region = sp.get("sso_region");
            if (url == null || region == null) {
                throw BedrockSetupException.usage("[sso-session " + sessionName + "] lacks sso_start_url or sso_region",
                        "add both to the section in " + configPath(env));
            }
            List<String> scopes = new ArrayList<>();
            String raw = sp.get("sso_registration_scopes");
            if (raw != null) {
                for (String sc : raw.split(",")) {
                    if (!sc.isBlank()) {
                        scopes.add(sc.trim());
                    }
                }
            }
            return new SsoSession(url, region, sessionName, scopes);
        }
        if (props.containsKey("sso_start_url")) {
            String region = props.get("sso_region");
            if (region == null) {
                throw BedrockSetupException.usage("profile '" + profileName + "' lacks sso_region",
                        "add sso_region to the profile in " + configPath(env));
            }
            return new SsoSession(props.get("sso_start_url"), region, null, List.of());
        }
        throw BedrockSetupException.usage("profile '" + profileName + "' is not an IAM Identity Center (SSO) profile; "
                + "there is nothing to log in to", "use an SSO profile, or create one with: bedrock-setup init");
    }

    /**
     * The [sso-session]s that profiles of ~/.aws/config name, by name (null for a name whose section is missing);
     * empty without a config file, null when it cannot be read (then nobody can tell which logins are still needed).
     */
    public static Map<String, SsoSession> sessionsInUse(Environment env) {
        if (!Files.exists(configPath(env))) {
            return new java.util.LinkedHashMap<>();
        }
        try {
            ProfileFile file = load(env);
            Map<String, SsoSession> out = new java.util.LinkedHashMap<>();
            for (Map.Entry<String, Profile> p : file.profiles().entrySet()) {
                String name = p.getValue().properties().get("sso_session");
                if (name != null && !out.containsKey(name)) {
                    // a profile naming a session whose section is gone still wants its login back
                    out.put(name, file.getSection("sso-session", name).isPresent() ? session(env, file, p.getKey())
                            : null);
                }
            }
            return out;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
