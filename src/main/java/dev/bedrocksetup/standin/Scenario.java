package dev.bedrocksetup.standin;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the stand-in's AWS looks like and how it behaves, set by tests (and by {@code init --demo}) through this Java
 * API: the SSO user's accounts and roles, issued credentials and API keys, model grants, the device-code outcome,
 * latency and injected errors per operation, and the reply text of model calls. Thread-safe; changes apply to the
 * next request.
 */
public final class Scenario {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final Clock clock;
    private final Map<String, Account> accounts = new LinkedHashMap<>();
    private final Map<String, IamRole> iamRoles = new ConcurrentHashMap<>();
    private final Map<String, IssuedCredentials> credentials = new ConcurrentHashMap<>();
    private final Map<String, ApiKey> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, Instant> ssoTokens = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> grants = new ConcurrentHashMap<>();
    private final Set<String> accountsWithoutUseCase = ConcurrentHashMap.newKeySet();
    private final List<InferenceProfile> applicationProfiles = new ArrayList<>();
    private final Map<String, String> applicationProfileOwners = new ConcurrentHashMap<>();
    private final Map<Operation, Duration> latency = new EnumMap<>(Operation.class);
    private final Map<Operation, List<PendingFault>> faults = new EnumMap<>(Operation.class);

    private volatile String userName = "alice";
    private volatile String replyText = "Hello from the Bedrock stand-in.";
    private volatile StreamFailure streamFailure;
    private volatile Duration roleCredentialLifetime = Duration.ofHours(1);
    private volatile Duration accessTokenLifetime = Duration.ofHours(8);
    private volatile Duration deviceCodeLifetime = Duration.ofMinutes(10);
    private volatile Duration clientRegistrationLifetime = Duration.ofDays(90);
    private volatile int devicePollIntervalSeconds = 1;
    private volatile int approveDeviceAfterPolls = 0;
    private volatile boolean denyAuthorization;
    private volatile Set<Integer> slowDownPolls = Set.of();

    private static final class PendingFault {
        final Fault fault;
        int remaining;

        PendingFault(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    public Scenario(Clock clock) {
        this.clock = clock;
    }

    /** A scenario with one account and one role, enough for a demo. */
    public static Scenario demo(Clock clock) {
        Scenario s = new Scenario(clock);
        s.addAccount("111122223333", "Demo", "demo@example.com", "BedrockUser");
        return s;
    }

    public Clock clock() {
        return clock;
    }

    Instant now() {
        return clock.instant();
    }

    // ---- SSO user, accounts, roles

    public synchronized Scenario addAccount(String accountId, String name, String email, String... roleNames) {
        accounts.put(accountId, new Account(accountId, name, email, List.of(roleNames)));
        return this;
    }

    public synchronized List<Account> accounts() {
        return List.copyOf(accounts.values());
    }

    synchronized Optional<Account> account(String accountId) {
        return Optional.ofNullable(accounts.get(accountId));
    }

    public Scenario userName(String name) {
        this.userName = name;
        return this;
    }

    public String userName() {
        return userName;
    }

    // ---- credentials and API keys

    /** Session credentials (ASIA...) for a role, as GetRoleCredentials issues them. A negative lifetime: expired. */
    public IssuedCredentials issueRoleCredentials(String accountId, String roleName, Duration lifetime) {
        String keyId = "ASIA" + random(16);
        String session = userName;
        IssuedCredentials c = new IssuedCredentials(keyId, randomSecret(40), randomSecret(120),
                now().plus(lifetime), accountId,
                "arn:aws:sts::" + accountId + ":assumed-role/" + roleName + "/" + session,
                "AROA" + random(17) + ":" + session);
        credentials.put(keyId, c);
        return c;
    }

    /**
     * Session credentials for an IAM role as STS AssumeRole issues them: the principal is
     * {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}, the user id {@code ROLEID:SESSION}.
     */
    IssuedCredentials issueAssumedRoleCredentials(IamRole role, String sessionName, Duration lifetime) {
        String keyId = "ASIA" + random(16);
        IssuedCredentials c = new IssuedCredentials(keyId, randomSecret(40), randomSecret(120),
                now().plus(lifetime).truncatedTo(java.time.temporal.ChronoUnit.SECONDS), role.accountId(),
                "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.roleName() + "/" + sessionName,
                role.roleId() + ":" + sessionName);
        credentials.put(keyId, c);
        return c;
    }

    // ---- IAM roles for STS AssumeRole

    /**
     * An IAM role that AssumeRole hands out sessions for, to the principals given: user ARNs
     * ({@code arn:aws:iam::A:user/U}), role ARNs (sessions of that role, for role chaining) or
     * {@code arn:aws:iam::A:root} (anyone in account A). Everyone else gets AccessDenied. Sessions last at most 1 h.
     */
    public Scenario addIamRole(String accountId, String roleName, String... trustedPrincipalArns) {
        IamRole r = new IamRole(accountId, roleName, "AROA" + random(17), Set.of(trustedPrincipalArns), null,
                Duration.ofHours(1));
        iamRoles.put(r.arn(), r);
        return this;
    }

    /** The role now requires this ExternalId (its trust policy's sts:ExternalId condition). */
    public Scenario requireExternalId(String roleArn, String externalId) {
        iamRoles.computeIfPresent(roleArn, (k, r) -> new IamRole(r.accountId(), r.roleName(), r.roleId(),
                r.trustedPrincipals(), externalId, r.maxSessionDuration()));
        return this;
    }

    /** The role's MaxSessionDuration (1 h by default, at most 12 h on AWS). */
    public Scenario maxSessionDuration(String roleArn, Duration max) {
        iamRoles.computeIfPresent(roleArn, (k, r) -> new IamRole(r.accountId(), r.roleName(), r.roleId(),
                r.trustedPrincipals(), r.externalId(), max));
        return this;
    }

    Optional<IamRole> iamRole(String roleArn) {
        return Optional.ofNullable(iamRoles.get(roleArn));
    }

    /** Long-term keys (AKIA...) of an IAM user; they never expire. */
    public IssuedCredentials issueUserKeys(String accountId, String iamUserName) {
        String keyId = "AKIA" + random(16);
        IssuedCredentials c = new IssuedCredentials(keyId, randomSecret(40), null, null, accountId,
                "arn:aws:iam::" + accountId + ":user/" + iamUserName, "AIDA" + random(17));
        credentials.put(keyId, c);
        return c;
    }

    /** The credentials the stand-in issued under this access key ID: whose a logged, signed request was. */
    public Optional<IssuedCredentials> credentials(String accessKeyId) {
        return Optional.ofNullable(credentials.get(accessKeyId));
    }

    /** A Bedrock API key for one account and region. A negative lifetime: expired. */
    public ApiKey issueApiKey(String accountId, String region, Duration lifetime) {
        String key = "ABSK" + java.util.Base64.getEncoder().encodeToString(
                ("BedrockAPIKey-" + random(8) + "-at-" + accountId + ":" + randomSecret(32)).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
        ApiKey k = new ApiKey(key, accountId, region, now().plus(lifetime),
                "arn:aws:iam::" + accountId + ":user/BedrockAPIKey-" + userName);
        apiKeys.put(key, k);
        return k;
    }

    /**
     * A short-term Bedrock API key as the console and the token generator make them: {@code bedrock-api-key-} and
     * the base64 of a presigned {@code CallWithBearerToken} URL, which names its region and lifetime (at most 12 h).
     */
    public ApiKey issueShortTermApiKey(String accountId, String region, Duration lifetime) {
        String date = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(now());
        String url = "bedrock.amazonaws.com/?Action=CallWithBearerToken&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=ASIA" + random(16) + "%2F" + date.substring(0, 8) + "%2F" + region
                + "%2Fbedrock%2Faws4_request&X-Amz-Date=" + date + "&X-Amz-Expires=" + Math.max(0, lifetime.getSeconds())
                + "&X-Amz-Security-Token=" + randomSecret(64) + "&X-Amz-Signature=" + randomSecret(64).toLowerCase(
                java.util.Locale.ROOT) + "&X-Amz-SignedHeaders=host&Version=1";
        String key = "bedrock-api-key-" + java.util.Base64.getEncoder().encodeToString(
                url.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ApiKey k = new ApiKey(key, accountId, region, now().plus(lifetime),
                "arn:aws:sts::" + accountId + ":assumed-role/BedrockUser/" + userName);
        apiKeys.put(key, k);
        return k;
    }

    Optional<ApiKey> apiKey(String key) {
        return Optional.ofNullable(apiKeys.get(key));
    }

    public Scenario roleCredentialLifetime(Duration lifetime) {
        this.roleCredentialLifetime = lifetime;
        return this;
    }

    Duration roleCredentialLifetime() {
        return roleCredentialLifetime;
    }

    // ---- SSO access tokens (issued by CreateToken, checked by the portal)

    void rememberAccessToken(String token, Instant expiresAt) {
        ssoTokens.put(token, expiresAt);
    }

    /** True when the portal accepts the bearer token now. */
    boolean accessTokenValid(String token) {
        Instant exp = token == null ? null : ssoTokens.get(token);
        return exp != null && now().isBefore(exp);
    }

    /** Every SSO access token issued so far is expired from now on (the portal answers 401). */
    public Scenario expireAccessTokens() {
        ssoTokens.replaceAll((k, v) -> Instant.EPOCH);
        return this;
    }

    /** An access token accepted by the portal, as if a login had happened; for tests of the portal alone. */
    public String issueAccessToken(Duration lifetime) {
        String token = "aoa" + randomSecret(120);
        rememberAccessToken(token, now().plus(lifetime));
        return token;
    }

    // ---- SSO login behaviour

    public Scenario accessTokenLifetime(Duration lifetime) {
        this.accessTokenLifetime = lifetime;
        return this;
    }

    Duration accessTokenLifetime() {
        return accessTokenLifetime;
    }

    public Scenario deviceCodeLifetime(Duration lifetime) {
        this.deviceCodeLifetime = lifetime;
        return this;
    }

    Duration deviceCodeLifetime() {
        return deviceCodeLifetime;
    }

    /** How long RegisterClient's client secrets stay valid ({@code clientSecretExpiresAt}); AWS gives 90 days. */
    public Scenario clientRegistrationLifetime(Duration lifetime) {
        this.clientRegistrationLifetime = lifetime;
        return this;
    }

    Duration clientRegistrationLifetime() {
        return clientRegistrationLifetime;
    }

    /** The polling {@code interval} StartDeviceAuthorization announces; AWS says 5 s, the stand-in 1 s by default. */
    public Scenario devicePollInterval(int seconds) {
        this.devicePollIntervalSeconds = seconds;
        return this;
    }

    int devicePollInterval() {
        return devicePollIntervalSeconds;
    }

    /** The user approves a device code after this many CreateToken polls answered "pending" (0: at once). */
    public Scenario approveDeviceAfterPolls(int polls) {
        this.approveDeviceAfterPolls = polls;
        return this;
    }

    int approveDeviceAfterPolls() {
        return approveDeviceAfterPolls;
    }

    /** The user denies the request, in the browser (authorization code) and for device codes. */
    public Scenario denyAuthorization(boolean deny) {
        this.denyAuthorization = deny;
        return this;
    }

    boolean denyAuthorization() {
        return denyAuthorization;
    }

    /** These CreateToken polls (1-based, per device code) are answered with SlowDownException. */
    public Scenario slowDownOnPolls(Integer... polls) {
        this.slowDownPolls = Set.of(polls);
        return this;
    }

    Set<Integer> slowDownPolls() {
        return slowDownPolls;
    }

    // ---- model access

    /** Restricts an account in a region to these models (foundation-model IDs); by default every model is granted. */
    public Scenario grantOnly(String accountId, String region, String... modelIds) {
        grants.put(accountId + "/" + region, Set.of(modelIds));
        return this;
    }

    boolean granted(String accountId, String region, String modelId) {
        Set<String> g = grants.get(accountId + "/" + region);
        return g == null || g.contains(modelId);
    }

    /** Marks the account as never having submitted Anthropic's use-case form. */
    public Scenario useCaseFormMissing(String accountId) {
        accountsWithoutUseCase.add(accountId);
        return this;
    }

    boolean useCaseSubmitted(String accountId) {
        return !accountsWithoutUseCase.contains(accountId);
    }

    private final List<ClaudeModel> offeredModels = new ArrayList<>();

    /**
     * A model beyond the built-in catalogue (a newer tier such as Fable), listed and found as system-defined profiles
     * in its geographies by this scenario's ListInferenceProfiles and GetInferenceProfile.
     */
    public synchronized Scenario offerModel(ClaudeModel model) {
        offeredModels.add(model);
        return this;
    }

    synchronized List<InferenceProfile> offeredProfiles(String region, String accountId) {
        return InferenceProfileCatalog.systemProfiles(region, accountId, offeredModels);
    }

    /** Creates an application inference profile copying a system-defined one; returns it (with its ARN). */
    public synchronized InferenceProfile addApplicationProfile(String accountId, String region, String name,
                                                               String copyFromProfileId) {
        InferenceProfile source = InferenceProfileCatalog.systemProfile(region, accountId, copyFromProfileId)
                .orElseThrow(() -> new IllegalArgumentException("no profile " + copyFromProfileId + " in " + region));
        String id = random(12).toLowerCase(java.util.Locale.ROOT);
        InferenceProfile p = new InferenceProfile(id,
                "arn:aws:bedrock:" + region + ":" + accountId + ":application-inference-profile/" + id, name,
                "Application profile copying " + copyFromProfileId, InferenceProfile.APPLICATION,
                source.modelId(), source.modelArns());
        applicationProfiles.add(p);
        applicationProfileOwners.put(id, accountId + "/" + region);
        return p;
    }

    /** Tags by resource ARN (TagResource, CreateInferenceProfile's tags). */
    private final Map<String, Map<String, String>> tags = new java.util.LinkedHashMap<>();
    /** Application profiles an account may have per region (AWS's default quota is 1,000). */
    private int applicationProfileQuota = 1000;

    /** Lowers the application-profile quota, to see ServiceQuotaExceededException. */
    public synchronized Scenario applicationProfileQuota(int quota) {
        this.applicationProfileQuota = quota;
        return this;
    }

    /**
     * CreateInferenceProfile as Bedrock answers it: a name already used in the account and region is a
     * ConflictException, a name outside AWS's pattern or a source that is not a system-defined profile ARN of this
     * region a ValidationException, one profile beyond the quota a ServiceQuotaExceededException.
     */
    synchronized InferenceProfile createApplicationProfile(String accountId, String region, String name,
            String description, String copyFrom, Map<String, String> newTags) {
        if (name == null || !name.matches("([0-9a-zA-Z:.][ _-]?)+") || name.length() > 64) {
            throw AwsError.validation("1 validation error detected: Value '" + name + "' at 'inferenceProfileName' "
                    + "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                    + "([0-9a-zA-Z:.][ _-]?)+");
        }
        String prefix = "arn:aws:bedrock:" + region + ":" + accountId + ":inference-profile/";
        String sourceId = copyFrom != null && copyFrom.startsWith(prefix) ? copyFrom.substring(prefix.length()) : null;
        InferenceProfile source = sourceId == null ? null
                : InferenceProfileCatalog.systemProfile(region, accountId, sourceId).orElse(null);
        if (source == null) {
            throw AwsError.validation("The provided model source " + copyFrom + " is not a system-defined inference "
                    + "profile ARN in " + region + ".");
        }
        List<InferenceProfile> mine = applicationProfiles(accountId, region);
        if (mine.stream().anyMatch(p -> p.name().equals(name))) {
            throw AwsError.conflict("An inference profile named " + name + " already exists.");
        }
        if (mine.size() >= applicationProfileQuota) {
            throw AwsError.quotaExceeded("You have reached the maximum number of application inference profiles ("
                    + applicationProfileQuota + ") for this account in " + region + ".");
        }
        String id = random(12).toLowerCase(java.util.Locale.ROOT);
        InferenceProfile p = new InferenceProfile(id,
                "arn:aws:bedrock:" + region + ":" + accountId + ":application-inference-profile/" + id, name,
                description == null ? "" : description, InferenceProfile.APPLICATION, source.modelId(),
                source.modelArns());
        applicationProfiles.add(p);
        applicationProfileOwners.put(id, accountId + "/" + region);
        tags.put(p.arn(), new java.util.LinkedHashMap<>(newTags));
        return p;
    }

    /** DeleteInferenceProfile: an application profile of the account by ID or ARN; else ResourceNotFound. */
    synchronized void deleteApplicationProfile(String accountId, String region, String identifier) {
        InferenceProfile p = applicationProfiles(accountId, region).stream()
                .filter(x -> x.id().equals(identifier) || x.arn().equals(identifier)).findFirst()
                .orElseThrow(() -> AwsError.notFound("Inference profile " + identifier + " not found."));
        applicationProfiles.remove(p);
        applicationProfileOwners.remove(p.id());
        tags.remove(p.arn());
    }

    /** TagResource: adds or replaces tags of an application profile of the caller's account and region. */
    synchronized void tag(String accountId, String region, String arn, Map<String, String> more) {
        requireOwnProfile(accountId, region, arn);
        tags.computeIfAbsent(arn, a -> new java.util.LinkedHashMap<>()).putAll(more);
    }

    /** ListTagsForResource. */
    synchronized Map<String, String> tags(String accountId, String region, String arn) {
        requireOwnProfile(accountId, region, arn);
        return new java.util.LinkedHashMap<>(tags.getOrDefault(arn, Map.of()));
    }

    private void requireOwnProfile(String accountId, String region, String arn) {
        if (arn == null || applicationProfiles(accountId, region).stream().noneMatch(p -> p.arn().equals(arn))) {
            throw AwsError.notFound("The resource " + arn + " was not found.");
        }
    }

    synchronized List<InferenceProfile> applicationProfiles(String accountId, String region) {
        List<InferenceProfile> out = new ArrayList<>();
        for (InferenceProfile p : applicationProfiles) {
            if ((accountId + "/" + region).equals(applicationProfileOwners.get(p.id()))) {
                out.add(p);
            }
        }
        return out;
    }

    // ---- replies, latency, faults

    public Scenario replyText(String text) {
        this.replyText = text;
        return this;
    }

    String replyText() {
        return replyText;
    }

    /** A stream that breaks after some events with an exception message, as Bedrock streams do under load. */
    record StreamFailure(int afterEvents, String exceptionType, String message) {}

    /**
     * Every InvokeModelWithResponseStream answers 200, sends {@code afterEvents} events, then an exception message
     * of this type (e.g. {@code throttlingException}, {@code modelStreamErrorException}); null type: streams complete.
     */
    public Scenario failStreamsAfterEvents(int afterEvents, String exceptionType, String message) {
        this.streamFailure = exceptionType == null ? null : new StreamFailure(afterEvents, exceptionType, message);
        return this;
    }

    StreamFailure streamFailure() {
        return streamFailure;
    }

    public synchronized Scenario latency(Operation operation, Duration delay) {
        latency.put(operation, delay);
        return this;
    }

    synchronized Duration latency(Operation operation) {
        return latency.getOrDefault(operation, Duration.ZERO);
    }

    /** The next {@code times} calls of the operation fail with the fault (after authentication succeeded). */
    public synchronized Scenario failNext(Operation operation, Fault fault, int times) {
        faults.computeIfAbsent(operation, o -> new ArrayList<>()).add(new PendingFault(fault, times));
        return this;
    }

    /** Every call of the operation fails with the fault until {@link #clearFaults()}. */
    public Scenario failAlways(Operation operation, Fault fault) {
        return failNext(operation, fault, Integer.MAX_VALUE);
    }

    public synchronized Scenario clearFaults() {
        faults.clear();
        return this;
    }

    /** Takes the next pending fault of the operation, if any. */
    synchronized Optional<Fault> takeFault(Operation operation) {
        List<PendingFault> pending = faults.get(operation);
        if (pending == null) {
            return Optional.empty();
        }
        for (PendingFault p : pending) {
            if (p.remaining > 0) {
                if (p.remaining != Integer.MAX_VALUE) {
                    p.remaining--;
                }
                return Optional.of(p.fault);
            }
        }
        return Optional.empty();
    }

    // ---- random identifiers

    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALNUM.charAt(RANDOM.nextInt(ALNUM.length())));
        }
        return sb.toString();
    }

    static String randomSecret(int length) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(chars.charAt(RANDOM.nextInt(chars.length())));
        }
        return sb.toString();
    }

}
