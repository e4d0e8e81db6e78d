package dev.bedrocksetup.aws;

import dev.bedrocksetup.awsconfig.AwsFileLocations;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.Secrets;
import dev.bedrocksetup.fs.AtomicFileWriter;
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
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sso.model.RoleCredentials;
import software.amazon.awssdk.services.sso.model.UnauthorizedException;

/**
 * The credentials of a named profile, resolved with the injected {@link Environment} only. IAM Identity Center
 * profiles (sso-session and legacy) go through our token cache, renewed silently with its refresh token when less
 * than {@link #REFRESH_WHEN_LEFT} is left, and GetRoleCredentials through {@link AwsClients#sso} (so endpoint
 * overrides apply). Static keys, assume-role and credential_process go to the SDK's profile provider with an
 * explicit profile file, never the process's own.
 */
public final class ProfileCredentials {
    /** As the AWS CLI and SDKs do: a token with less than this left is renewed before use. */
    static final Duration REFRESH_WHEN_LEFT = Duration.ofMinutes(15);

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
        String keyId = env.nonBlank("AWS_ACCESS_KEY_ID");
        String secret = env.nonBlank("AWS_SECRET_ACCESS_KEY");
        if ((profileFlag == null || profileFlag.isBlank()) && env.nonBlank("AWS_PROFILE") == null && keyId != null
                && secret != null) {
            String token = env.nonBlank("AWS_SESSION_TOKEN");
            AwsCredentials c = token == null ? software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(keyId,
                    secret) : AwsSessionCredentials.create(keyId, secret, token);
            return new Resolved(c, null, "AWS_ACCESS_KEY_ID in the environment");
        }
        return resolve(SsoProfiles.profileName(env, profileFlag));
    }

    /** The profile's credentials; exit 2 for a missing profile, exit 4 when a login is needed or AWS refuses. */
    public Resolved resolve(String profileName) {
        ProfileFile config = load(new AwsFileLocations(env).configFile(), ProfileFile.Type.CONFIGURATION);
        ProfileFile credentials = load(new AwsFileLocations(env).credentialsFile(), ProfileFile.Type.CREDENTIALS);
        Optional<Profile> inConfig = config.profile(profileName);
        if (inConfig.isEmpty() && credentials.profile(profileName).isEmpty()) {
            throw BedrockSetupException.usage("there is no profile '" + profileName + "' in "
                    + new AwsFileLocations(env).configFile() + " or " + new AwsFileLocations(env).credentialsFile(),
                    "create it with: bedrock-setup init --profile " + profileName);
        }
        Map<String, String> props = inConfig.map(Profile::properties).orElse(Map.of());
        boolean sso = props.containsKey("sso_session") || props.containsKey("sso_start_url");
        boolean keysInCredentialsFile = credentials.profile(profileName)
                .flatMap(p -> p.property("aws_access_key_id")).isPresent();
        if (sso && !keysInCredentialsFile) {
            return fromSso(config, profileName, props);
        }
        ProfileFile both = ProfileFile.aggregator().addFile(credentials).addFile(config).build();
        return fromSdk(both, profileName);
    }

    private Resolved fromSso(ProfileFile config, String profileName, Map<String, String> props) {
        SsoSession session = SsoProfiles.session(env, config, profileName);
        String account = props.get("sso_account_id");
        String role = props.get("sso_role_name");
        if (account == null || role == null) {
            throw BedrockSetupException.usage("profile '" + profileName + "' lacks sso_account_id or sso_role_name",
                    "recreate it with: bedrock-setup init --profile " + profileName);
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
            if (token.expiresAt == null || token.expiresAt.isBefore(now.plus(REFRESH_WHEN_LEFT))) {
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
            if (!Files.isRegularFile(path)) {
                return ProfileFile.builder().content(new java.io.ByteArrayInputStream(new byte[0])).type(type).build();
            }
            return ProfileFile.builder().content(path).type(type).build();
        } catch (RuntimeException e) {
            throw BedrockSetupException.local(path + " cannot be read by the AWS SDK: " + Secrets.redact(e.getMessage()),
                    "correct that line (only `key = value` lines inside a [section])", e);
        }
    }
}
