package dev.bedrocksetup.credentials;

import dev.bedrocksetup.aws.AwsCallFailure;
import dev.bedrocksetup.aws.AwsClients;
import dev.bedrocksetup.awsconfig.AwsFileLocations;
import dev.bedrocksetup.awsconfig.SsoProfileRequest;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.TextFile;
import dev.bedrocksetup.sso.SsoLogin;
import dev.bedrocksetup.sso.SsoPortal;
import dev.bedrocksetup.sso.SsoProfiles;
import dev.bedrocksetup.sso.SsoSession;
import dev.bedrocksetup.sso.SsoToken;
import dev.bedrocksetup.sso.SsoTokenCache;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.InstanceProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The credentials of a named profile, resolved with the injected {@link Environment} only. IAM Identity Center
 * profiles (sso-session and legacy) go through our token cache, renewed silently with its refresh token when it
 * {@linkplain SsoToken#needsRefresh needs it}, and GetRoleCredentials through {@link AwsClients#sso} (so endpoint
 * overrides apply). Assume-role profiles (role_arn with source_profile, chains of them, or credential_source) are
 * resolved here too: the source's credentials, then AssumeRole through {@link AwsClients#sts()}, never an STS client
 * the SDK would build from the real process environment. Static keys and credential_process go to the SDK's
 * profile provider with an explicit profile file, never the process's own. Its own package, above aws and sso: it
 * uses both, and sso's login uses aws's clients (docs/architecture.md). Not final only for the deprecated
 * {@code aws.ProfileCredentials} forwarder, which goes once nothing names it.
 */
public class ProfileCredentials {
    /**
     * role_session_name when the profile sets none: this prefix and the epoch milliseconds, so CloudTrail shows the
     * session was ours (the JavaScript SDK uses {@code aws-sdk-js-<ms>}, botocore {@code botocore-session-<s>}).
     */
    public static final String DEFAULT_SESSION_PREFIX = "bedrock-setup-";

    /** Credentials, when they expire (null: long-term keys), and where they came from (for messages). */
    public record Resolved(AwsCredentials credentials, Instant expiration, String source) {
        public String sessionToken() {
            return credentials instanceof AwsSessionCredentials s ? s.sessionToken() : null;
        }

        @Override
        public String toString() {
            return "Resolved{accessKeyId=" + Secrets.mask(credentials.accessKeyId()) + ", expiration=" + expiration
                    + ", source=" + source + "}";
        }
    }

    private final Environment env;

    public ProfileCredentials(Environment env) {
        this.env = env;
    }

    /**
     * The credentials a command uses: the profile given, else (with no AWS_PROFILE either) access keys in the
     * environment, else the profile AWS_PROFILE names or "default".
     */
    public Resolved resolveForCommand(String profileFlag) {
        AwsCredentials fromEnvironment = environmentKeys();
        if ((profileFlag == null || profileFlag.isBlank()) && env.nonBlank("AWS_PROFILE") == null
                && fromEnvironment != null) {
            return new Resolved(fromEnvironment, null, "AWS_ACCESS_KEY_ID in the environment");
        }
        return resolve(SsoProfiles.profileName(env, profileFlag));
    }

    /** AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with AWS_SESSION_TOKEN when set), or null without both keys. */
    private AwsCredentials environmentKeys() {
        return keys(env.nonBlank("AWS_ACCESS_KEY_ID"), env.nonBlank("AWS_SECRET_ACCESS_KEY"),
                env.nonBlank("AWS_SESSION_TOKEN"));
    }

    /** Long-term keys, or session keys when there is a token; null without both keys. */
    private static AwsCredentials keys(String keyId, String secret, String token) {
        if (keyId == null || secret == null) {
            return null;
        }
        return token == null || token.isBlank() ? AwsBasicCredentials.create(keyId, secret)
                : AwsSessionCredentials.create(keyId, secret, token);
    }

    /** The profile's credentials; exit 2 for a missing profile, exit 4 when a login is needed or AWS refuses. */
    public Resolved resolve(String profileName) {
        AwsFiles files = AwsFiles.of(load(new AwsFileLocations(env).configFile(), ProfileFile.Type.CONFIGURATION),
                load(new AwsFileLocations(env).credentialsFile(), ProfileFile.Type.CREDENTIALS));
        if (!files.exists(profileName)) {
            throw BedrockSetupException.usage("there is no profile '" + profileName + "' in "
                    + new AwsFileLocations(env).configFile() + " or " + new AwsFileLocations(env).credentialsFile(),
                    "create it with: " + SsoProfileRequest.initCommand(profileName));
        }
        return resolve(files, profileName, new ArrayList<>(List.of(profileName)), stsRegion(files, profileName));
    }

    /** The config and credentials files, and the two merged as the SDKs merge them, read once for a whole chain. */
    private record AwsFiles(ProfileFile config, ProfileFile credentials, ProfileFile both) {
        static AwsFiles of(ProfileFile config, ProfileFile credentials) {
            return new AwsFiles(config, credentials,
                    ProfileFile.aggregator().addFile(credentials).addFile(config).build());
        }

        boolean exists(String name) {
            return config.profile(name).isPresent() || credentials.profile(name).isPresent();
        }

        /** The profile's properties from both files, as the SDKs merge them. */
        Map<String, String> properties(String name) {
            return both().profile(name).map(Profile::properties).orElse(Map.of());
        }
    }

    /**
     * One profile of a chain. {@code chain} lists the profiles visited so far (the first is the one asked for); a
     * profile reached as a source_profile with static keys uses those keys even when it has a role_arn too (as the
     * JavaScript SDK and botocore do, which makes {@code source_profile} naming itself work).
     */
    private Resolved resolve(AwsFiles files, String profileName, List<String> chain, Region stsRegion) {
        Map<String, String> props = files.properties(profileName);
        Map<String, String> configProps = files.config().profile(profileName).map(Profile::properties)
                .orElse(Map.of());
        boolean asSource = chain.size() > 1;
        if (asSource && props.containsKey("aws_access_key_id") && props.containsKey("aws_secret_access_key")) {
            return staticKeys(profileName, props);
        }
        if (props.containsKey("role_arn") && !props.containsKey("web_identity_token_file")
                && (props.containsKey("source_profile") || props.containsKey("credential_source"))) {
            return assumeRole(files, profileName, props, chain, stsRegion);
        }
        boolean sso = configProps.containsKey("sso_session") || configProps.containsKey("sso_start_url");
        boolean keysInCredentialsFile = files.credentials().profile(profileName)
                .flatMap(p -> p.property("aws_access_key_id")).isPresent();
        if (sso && !keysInCredentialsFile) {
            return fromSso(files.config(), profileName, configProps);
        }
        if (sso && props.containsKey("aws_access_key_id") && props.containsKey("aws_secret_access_key")) {
            // the JavaScript SDK (Claude Code) takes static keys before SSO; the Java SDK's provider would try SSO
            return staticKeys(profileName, props);
        }
        if (props.get("credential_process") != null && !props.containsKey("aws_access_key_id")) {
            // run with a deadline (the SDK's provider waits forever); static keys beside it win, as in Claude Code
            return CredentialProcess.run(env, profileName, props.get("credential_process").trim());
        }
        if (!props.containsKey("aws_access_key_id") && !props.containsKey("web_identity_token_file")) {
            throw BedrockSetupException.usage("profile '" + profileName + "' has no credentials: no keys, "
                    + "credential_process, sso_session or role_arn", "add aws_access_key_id and aws_secret_access_key,"
                    + " credential_process, sso_session, or role_arn with source_profile to the profile (or create "
                    + "it with: bedrock-setup init --sso-start-url URL --profile " + profileName + ")");
        }
        return fromSdk(files.both(), profileName);
    }

    private static Resolved staticKeys(String profileName, Map<String, String> props) {
        return new Resolved(keys(props.get("aws_access_key_id"), props.get("aws_secret_access_key"),
                props.get("aws_session_token")), null, "profile " + profileName);
    }

    private Resolved fromSso(ProfileFile config, String profileName, Map<String, String> props) {
        SsoSession session = SsoProfiles.session(env, config, profileName);
        String account = props.get("sso_account_id");
        String role = props.get("sso_role_name");
        if (account == null || role == null) {
            throw BedrockSetupException.usage("profile '" + profileName + "' lacks sso_account_id or sso_role_name",
                    "recreate it with: " + SsoProfileRequest.initCommand(profileName));
        }
        SsoTokenCache cache = new SsoTokenCache(env.home(), new AtomicFileWriter());
        Region region = Region.of(session.region);
        Instant now = env.clock().instant();
        try (AwsClients clients = AwsClients.builder(env).region(region).build()) {
            SsoToken token = cache.read(session.cacheKey());
            if (token == null || !session.startUrl.equals(token.startUrl)) {
                throw loginNeeded(profileName, "there is no IAM Identity Center login for profile '"
                        + profileName + "'", null);
            }
            if (token.needsRefresh(now)) {
                SsoLogin login = new SsoLogin(clients.ssoOidc(region), AwsClients.ssoOidcEndpoint(env, region), cache,
                        env.clock(), msg -> { }, url -> false, Duration.ZERO, d -> { });
                SsoToken fresh = session.name == null ? null : login.refresh(session, token);
                if (fresh != null) {
                    token = fresh;
                } else if (token.isExpired(now)) {
                    throw loginNeeded(profileName, "the IAM Identity Center login of profile '" + profileName
                            + "' has expired and cannot be renewed without a browser", null);
                }
            }
            RoleCredentials rc;
            try {
                rc = new SsoPortal(clients.sso(region)).credentials(token.accessToken, account, role);
            } catch (BedrockSetupException e) {
                if (e.getCause() instanceof UnauthorizedException) {
                    throw loginNeeded(profileName, "IAM Identity Center no longer accepts the login of profile '"
                            + profileName + "'", e);
                }
                throw e;
            }
            AwsCredentials c = AwsSessionCredentials.create(rc.accessKeyId(), rc.secretAccessKey(),
                    rc.sessionToken());
            return new Resolved(c, Instant.ofEpochMilli(rc.expiration()), "IAM Identity Center role " + role
                    + " in account " + account);
        }
    }

    /**
     * role_arn with source_profile or credential_source: the source's credentials, then STS AssumeRole through
     * {@link AwsClients#sts()} (so AWS_ENDPOINT_URL_STS and AWS_ENDPOINT_URL apply) in {@code stsRegion}.
     */
    private Resolved assumeRole(AwsFiles files, String profileName, Map<String, String> props, List<String> chain,
                                Region stsRegion) {
        String roleArn = props.get("role_arn").trim();
        String sourceProfile = props.get("source_profile");
        String credentialSource = props.get("credential_source");
        if (sourceProfile != null && credentialSource != null) {
            throw BedrockSetupException.usage("profile '" + profileName + "' has both source_profile and "
                    + "credential_source", "keep one of them in the profile (aws configure set works on one key at a "
                    + "time; edit " + new AwsFileLocations(env).configFile() + ")");
        }
        if (props.get("mfa_serial") != null) {
            // The JavaScript SDK (Claude Code) refuses such a profile unless the program gives it an MFA code callback:
            // "Profile P requires multi-factor authentication, but no MFA code callback was provided."
            throw BedrockSetupException.usage("profile " + profileName + " needs an MFA code (mfa_serial); Claude Code "
                    + "cannot prompt for it either", "use an SSO profile, or awsCredentialExport with a command that "
                    + "prints credentials without prompting");
        }
        Resolved source;
        String via;
        if (sourceProfile != null) {
            sourceProfile = sourceProfile.trim();
            // As the JavaScript SDK counts visits: the profile asked for may name itself once (its own keys are
            // then the source); any profile reached a second time as a source is a cycle.
            if (chain.subList(1, chain.size()).contains(sourceProfile)) {
                List<String> walked = new ArrayList<>(chain);
                walked.add(sourceProfile);
                List<String> cycle = new ArrayList<>();
                for (String p : walked) {
                    cycle.add(p);
                    if (cycle.indexOf(p) < cycle.size() - 1) {
                        break; // shown up to the first profile met twice: a -> b -> a
                    }
                }
                throw BedrockSetupException.usage("the source_profile settings form a cycle: "
                        + String.join(" -> ", cycle), "end the chain at a profile with keys, sso_session or "
                        + "credential_process (set source_profile of '" + profileName + "' to such a profile)");
            }
            if (!files.exists(sourceProfile)) {
                throw BedrockSetupException.usage("profile '" + profileName + "' names source_profile '"
                        + sourceProfile + "', which does not exist", "create profile '" + sourceProfile
                        + "' or correct source_profile in " + new AwsFileLocations(env).configFile());
            }
            List<String> next = new ArrayList<>(chain);
            next.add(sourceProfile);
            source = resolve(files, sourceProfile, next, stsRegion);
            via = "profile " + sourceProfile;
        } else {
            source = fromCredentialSource(profileName, credentialSource.trim());
            via = "credential_source " + credentialSource.trim();
        }
        String sessionName = props.getOrDefault("role_session_name", "").trim();
        if (sessionName.isEmpty()) {
            sessionName = DEFAULT_SESSION_PREFIX + env.clock().millis();
        }
        Integer duration = null;
        if (props.get("duration_seconds") != null) {
            try {
                duration = Integer.valueOf(props.get("duration_seconds").trim());
            } catch (NumberFormatException e) {
                throw BedrockSetupException.usage("duration_seconds of profile '" + profileName + "' is not a number: "
                        + props.get("duration_seconds"), "set duration_seconds to seconds between 900 and 43200");
            }
        }
        String externalId = props.get("external_id") == null ? null : props.get("external_id").trim();
        AssumeRoleRequest request = AssumeRoleRequest.builder().roleArn(roleArn).roleSessionName(sessionName)
                .externalId(externalId).durationSeconds(duration).build();
        try (AwsClients clients = AwsClients.builder(env).region(stsRegion)
                .credentials(StaticCredentialsProvider.create(source.credentials())).build()) {
            Credentials c = clients.sts().assumeRole(request).credentials();
            return new Resolved(AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()),
                    c.expiration(), "role " + roleArn + " assumed with " + via);
        } catch (StsException e) {
            throw assumeRoleRefused(profileName, roleArn, sourceProfile, files, e);
        } catch (SdkException e) {
            throw BedrockSetupException.aws("cannot reach STS in " + stsRegion + " to assume role " + roleArn
                    + " for profile '" + profileName + "': " + AwsCallFailure.describe(e),
                    "check the network, a proxy, or AWS_ENDPOINT_URL_STS", e);
        }
    }

    /** AWS's refusal of an AssumeRole, as one line naming the role, and what to change. */
    private BedrockSetupException assumeRoleRefused(String profileName, String roleArn, String sourceProfile,
                                                    AwsFiles files, StsException e) {
        String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
        String aws = Secrets.redact(e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage());
        String head = "profile '" + profileName + "' cannot assume role " + roleArn + ": ";
        String source = sourceProfile == null ? "the credential_source" : "profile '" + sourceProfile + "'";
        switch (code) {
            case "AccessDenied":
                return BedrockSetupException.aws(head + aws, "the role's trust policy must allow the caller to "
                        + "assume it and the caller's IAM policy must allow sts:AssumeRole on " + roleArn
                        + " (with the ExternalId the trust policy expects in external_id)", e);
            case "ExpiredToken":
                boolean sso = sourceProfile != null && files.config().profile(sourceProfile)
                        .map(p -> p.property("sso_session").isPresent() || p.property("sso_start_url").isPresent())
                        .orElse(false);
                return BedrockSetupException.aws(head + "the credentials of " + source + " have expired",
                        sso ? "bedrock-setup login --profile " + sourceProfile
                                : "renew the credentials of " + source, e);
            case "InvalidClientTokenId", "SignatureDoesNotMatch":
                return BedrockSetupException.aws(head + "AWS does not accept the credentials of " + source + " ("
                        + aws + ")", "check the keys of " + source + " (aws configure list"
                        + (sourceProfile == null ? "" : " --profile " + sourceProfile) + ")", e);
            case "ValidationError":
                return BedrockSetupException.aws(head + aws, "correct duration_seconds (900 to the role's maximum "
                        + "session duration; at most 3600 when the source is itself a role) or role_session_name of "
                        + "profile '" + profileName + "'", e);
            default:
                return BedrockSetupException.aws(head + (code.isEmpty() ? "" : code + ": ") + aws,
                        "check role_arn and source_profile of profile '" + profileName + "'", e);
        }
    }

    /** credential_source: Environment from the injected environment; instance and container roles through the SDK. */
    private Resolved fromCredentialSource(String profileName, String credentialSource) {
        switch (credentialSource) {
            case "Environment": {
                AwsCredentials keys = environmentKeys();
                if (keys == null) {
                    throw BedrockSetupException.usage("profile '" + profileName + "' takes its source credentials "
                            + "from the environment (credential_source = Environment), but AWS_ACCESS_KEY_ID or "
                            + "AWS_SECRET_ACCESS_KEY is not set", "export both (and AWS_SESSION_TOKEN for session "
                            + "keys), or use source_profile instead");
                }
                return new Resolved(keys, null, "the environment");
            }
            case "Ec2InstanceMetadata":
            case "EcsContainer": {
                AwsCredentialsProvider provider = credentialSource.equals("EcsContainer")
                        ? ContainerCredentialsProvider.builder().build()
                        : InstanceProfileCredentialsProvider.builder().build();
                try {
                    AwsCredentials c = provider.resolveCredentials();
                    return new Resolved(c, c.expirationTime().orElse(null), credentialSource);
                } catch (SdkClientException e) {
                    throw BedrockSetupException.aws("profile '" + profileName + "' takes its source credentials from "
                            + credentialSource + ", which gave none here: " + Secrets.redact(e.getMessage()),
                            "run it where " + (credentialSource.equals("EcsContainer") ? "a container role"
                                    : "an instance profile") + " is available, or use source_profile instead", e);
                } finally {
                    if (provider instanceof AutoCloseable closeable) {
                        try {
                            closeable.close();
                        } catch (Exception ignored) {
                            // nothing held that matters
                        }
                    }
                }
            }
            default:
                throw BedrockSetupException.usage("profile '" + profileName + "' has credential_source = "
                        + credentialSource + ", which the AWS SDKs do not know", "use Environment, "
                        + "Ec2InstanceMetadata or EcsContainer, or source_profile instead");
        }
    }

    /**
     * The region STS is called in for a whole role chain, as the JavaScript SDK (Claude Code) picks it: the profile's
     * own region, else AWS_REGION, AWS_DEFAULT_REGION, else us-east-1. (The endpoint is regional; an
     * AWS_ENDPOINT_URL_STS override wins over it.)
     */
    private Region stsRegion(AwsFiles files, String profileName) {
        String r = files.properties(profileName).get("region");
        if (r == null || r.isBlank()) {
            r = env.nonBlank("AWS_REGION");
        }
        if (r == null) {
            r = env.nonBlank("AWS_DEFAULT_REGION");
        }
        return Region.of(r == null ? "us-east-1" : r.trim());
    }

    /**
     * True when {@code failure} is IAM Identity Center refusing a cached login (401 from the portal): signed out or
     * revoked, although the cache's expiry says valid; a fresh login is the fix.
     */
    public static boolean loginRejected(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnauthorizedException) {
                return true;
            }
        }
        return false;
    }

    private static BedrockSetupException loginNeeded(String profile, String message, Throwable cause) {
        return BedrockSetupException.aws(message, "bedrock-setup login --profile " + profile, cause);
    }

    private Resolved fromSdk(ProfileFile file, String profileName) {
        try (ProfileCredentialsProvider provider = ProfileCredentialsProvider.builder().profileFile(file)
                .profileName(profileName).build()) {
            AwsCredentials c = provider.resolveCredentials();
            return new Resolved(c, c.expirationTime().orElse(null), "profile " + profileName);
        } catch (SdkClientException e) {
            throw BedrockSetupException.aws("cannot get credentials for profile '" + profileName + "': "
                    + Secrets.redact(e.getMessage()),
                    "check the profile's keys, role_arn or credential_process (aws configure list --profile "
                            + profileName + ")", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw BedrockSetupException.usage("profile '" + profileName + "' cannot give credentials: "
                    + Secrets.redact(e.getMessage()), "add aws_access_key_id and aws_secret_access_key, role_arn with "
                    + "source_profile, credential_process, or sso_session to the profile");
        }
    }

    private static ProfileFile load(Path path, ProfileFile.Type type) {
        try {
            // through TextFile: a device, a FIFO or a directory in its place is refused, never read
            String text = TextFile.readOrNull(path);
            return ProfileFile.builder().content(new java.io.ByteArrayInputStream(
                    (text == null ? "" : text).getBytes(java.nio.charset.StandardCharsets.UTF_8))).type(type).build();
        } catch (BedrockSetupException e) {
            throw e; // already one line about the file itself (not a regular file, unreadable, not UTF-8)
        } catch (RuntimeException e) {
            throw BedrockSetupException.local(path + " cannot be read by the AWS SDK: " + Secrets.redact(e.getMessage()),
                    "correct that line (only `key = value` lines inside a [section])", e);
        }
    }
}
