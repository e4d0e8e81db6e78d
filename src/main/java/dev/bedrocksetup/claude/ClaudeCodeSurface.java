package dev.bedrocksetup.claude;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every Claude Code settings key and environment variable the doctor knows, with what it does about each: shows it
 * in the effective configuration, judges it in named checks, or leaves it alone for a stated reason. The drift alarm
 * (scripts/claude-code-surface.py, and ClaudeCodeSurfaceDriftTest on the pinned Claude Code) lists what an installed
 * Claude Code knows about Bedrock, AWS, models, credentials, proxies and managed policy and fails on any key missing
 * here; docs/claude-code-surface.md is generated from this list. The effective configuration's variables, settings
 * keys and secret names are taken from here, in this order.
 */
public final class ClaudeCodeSurface {
    private ClaudeCodeSurface() {}

    /** An environment variable (also settable in settings {@code env}) or a top-level settings key. */
    public enum Kind {
        ENV("env"), SETTING("setting");

        public final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /** One key and what the doctor does about it. */
    public static final class Key {
        public final String name;
        public final Kind kind;
        /** Listed in the doctor's effective configuration, with its origin and what it shadows. */
        public final boolean shown;
        /** Shown masked, everywhere. */
        public final boolean secret;
        /** The doctor's checks that read it (ids of doctor/CheckCatalog). */
        public final List<String> checks;
        /** What the doctor does with it, or why it leaves it alone. */
        public final String does;

        private Key(String name, Kind kind, boolean shown, boolean secret, List<String> checks, String does) {
            this.name = name;
            this.kind = kind;
            this.shown = shown;
            this.secret = secret;
            this.checks = List.copyOf(checks);
            this.does = does;
        }

        Key shown() {
            return new Key(name, kind, true, secret, checks, does);
        }

        Key secret() {
            return new Key(name, kind, shown, true, checks, does);
        }

        Key checks(String... ids) {
            return new Key(name, kind, shown, secret, List.of(ids), does);
        }

        Key does(String what) {
            return new Key(name, kind, shown, secret, checks, what);
        }
    }

    private static Key env(String name) {
        return new Key(name, Kind.ENV, false, false, List.of(), null);
    }

    private static Key setting(String name) {
        return new Key(name, Kind.SETTING, false, false, List.of(), null);
    }

    /** Keys the doctor leaves alone, for one reason. */
    private static List<Key> ignored(Kind kind, String why, String... names) {
        List<Key> out = new ArrayList<>();
        for (String n : names) {
            out.add(new Key(n, kind, false, false, List.of(), "Not read: " + why));
        }
        return out;
    }

    private static final List<Key> KEYS;

    static {
        List<Key> k = new ArrayList<>();
        // shown in the effective configuration, in this order
        k.add(env("CLAUDE_CODE_USE_BEDROCK").shown().checks("settings.bedrock-enabled", "settings.bedrock-shadowed",
                "settings.provider", "settings.workspace-trust", "credentials.foreign-token")
                .does("Must be on (`1`, `true`, `yes` or `on`, any case) in the winning source; a higher-precedence "
                        + "file that turns it off is named."));
        // the other providers: Claude Code takes the first one on, in this order, after Bedrock (decision 0031)
        for (String provider : List.of("CLAUDE_CODE_USE_FOUNDRY", "CLAUDE_CODE_USE_ANTHROPIC_AWS",
                "CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD", "CLAUDE_CODE_USE_MANTLE", "CLAUDE_CODE_USE_VERTEX")) {
            k.add(env(provider).shown().checks("settings.provider")
                    .does("Another provider: unused while Bedrock is on (Bedrock comes first), but reported, so a "
                            + "later change does not switch providers unnoticed; beside Bedrock, Mantle takes the "
                            + "models Bedrock does not serve."));
        }
        k.add(env("ANTHROPIC_BEDROCK_MANTLE_BASE_URL").shown().checks("settings.provider")
                .does("Where Mantle calls go when CLAUDE_CODE_USE_MANTLE is on beside Bedrock; named in that finding."));
        k.add(env("AWS_REGION").shown().checks("region.set", "region.valid", "settings.workspace-trust")
                .does("The region Claude Code calls; every online check uses it."));
        k.add(env("AWS_DEFAULT_REGION").shown().checks("region.set", "region.valid")
                .does("Used when AWS_REGION is not set, as the AWS SDKs do."));
        k.add(env("AWS_PROFILE").shown().checks("aws.profile-exists", "credentials.source",
                "credentials.profile-and-keys", "settings.workspace-trust", "aws.credentials")
                .does("The profile whose credentials the online checks resolve, as Claude Code's SDK does."));
        k.add(env("AWS_ACCESS_KEY_ID").shown().secret().checks("credentials.source", "credentials.profile-and-keys",
                "aws.credentials").does("Environment keys: a credential source, and a conflict beside a profile."));
        k.add(env("AWS_SECRET_ACCESS_KEY").shown().secret().checks("aws.credentials")
                .does("Read with AWS_ACCESS_KEY_ID; shown masked."));
        k.add(env("AWS_SESSION_TOKEN").shown().secret().checks("aws.credentials")
                .does("Read with AWS_ACCESS_KEY_ID; shown masked."));
        k.add(env("AWS_BEARER_TOKEN_BEDROCK").shown().secret().checks("credentials.api-key", "credentials.source",
                "settings.workspace-trust", "aws.credentials", "bedrock.models")
                .does("A Bedrock API key: an empty one fails, a set one is shown masked with its limits (12 h, one "
                        + "region); the model probe sends it."));
        k.add(env("AWS_CONFIG_FILE").shown().checks("aws.config-readable", "aws.profile-exists")
                .does("Where the AWS config file is read from."));
        k.add(env("AWS_SHARED_CREDENTIALS_FILE").shown().checks("aws.static-shadow", "aws.profile-exists")
                .does("Where the AWS credentials file is read from."));
        k.add(env("ANTHROPIC_MODEL").shown().checks("models.one-million", "models.bare-id", "models.prefix-region", "models.legacy",
                "models.shape", "models.unpinned", "models.main-model", "models.prefix-pins", "bedrock.models")
                .does("The main model: its ID is judged and probed; it beats settings `model` and "
                        + "ANTHROPIC_DEFAULT_MODEL (claude --model beats it)."));
        k.add(env("ANTHROPIC_DEFAULT_MODEL").shown().checks("models.one-million", "models.main-model", "models.bare-id",
                "models.prefix-region", "models.legacy", "models.shape", "models.prefix-pins")
                .does("The model a session starts on when neither ANTHROPIC_MODEL nor settings `model` is set: its ID "
                        + "is judged; `default`/`inherit` mean Claude Code's own, `opusplan`/`haiku` are ignored there "
                        + "(warned about)."));
        k.add(env("ANTHROPIC_DEFAULT_OPUS_MODEL").shown().checks("models.one-million", "models.bare-id", "models.prefix-region",
                "models.legacy", "models.shape", "models.unpinned", "models.prefix-pins", "bedrock.models")
                .does("A pinned model: its ID is judged and probed."));
        k.add(env("ANTHROPIC_DEFAULT_SONNET_MODEL").shown().checks("models.one-million", "models.bare-id", "models.prefix-region",
                "models.legacy", "models.shape", "models.unpinned", "models.prefix-pins", "bedrock.models")
                .does("A pinned model: its ID is judged and probed."));
        k.add(env("ANTHROPIC_DEFAULT_HAIKU_MODEL").shown().checks("models.one-million", "models.bare-id", "models.prefix-region",
                "models.legacy", "models.shape", "models.unpinned", "models.deprecated", "models.prefix-pins",
                "bedrock.models")
                .does("The background model: its ID is judged and probed."));
        k.add(env("ANTHROPIC_DEFAULT_FABLE_MODEL").shown().checks("models.one-million", "models.bare-id", "models.prefix-region",
                "models.legacy", "models.shape", "models.unpinned", "models.prefix-pins", "bedrock.models")
                .does("The fourth tier's pin (`--model fable`): its ID is judged and probed as the other pins are; "
                        + "models.unpinned asks for it when the region's live catalogue (online) has a Fable profile; "
                        + "init --fable-model writes it (decision 0032)."));
        k.add(env("ANTHROPIC_SMALL_FAST_MODEL").shown().checks("models.deprecated", "models.bare-id",
                "models.prefix-region", "models.shape")
                .does("Deprecated name of ANTHROPIC_DEFAULT_HAIKU_MODEL: reported, migrated by `doctor --fix`."));
        k.add(env("ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION").shown().checks("region.small-fast-region")
                .does("Must be a region, not a model ID (a model ID is warned about: Claude Code still answers)."));
        k.add(env("ANTHROPIC_BEDROCK_REGION_PREFIX").shown().checks("models.region-prefix-var", "models.prefix-pins")
                .does("One of us, eu, apac, jp, au, global (trimmed, case matters); any other value, or one set in "
                        + "GovCloud, is warned about (Claude Code ignores it); a pin in another geography is named, "
                        + "as Claude Code sends pins as written."));
        k.add(env("ANTHROPIC_BEDROCK_SERVICE_TIER").shown().checks("cost.service-tier")
                .does("Sent unchecked as the X-Amzn-Bedrock-Service-Tier header: a value other than default, flex "
                        + "or priority is warned about."));
        k.add(env("ANTHROPIC_BEDROCK_BASE_URL").shown().checks("network.runtime-endpoint", "network.tls-inspection")
                .does("The endpoint Claude Code sends prompts to (a gateway or proxy): reachability is checked there."));
        k.add(env("CLAUDE_CODE_SKIP_BEDROCK_AUTH").shown().checks("credentials.source")
                .does("Claude Code sends unsigned requests: counted as a credential source (a gateway signs)."));
        k.add(env("CLAUDE_CODE_MAX_OUTPUT_TOKENS").shown().checks("tokens.max-output", "tokens.thinking")
                .does("A low leftover limit truncates answers; must stay above MAX_THINKING_TOKENS."));
        k.add(env("MAX_THINKING_TOKENS").shown().checks("tokens.thinking")
                .does("Must stay below the output limit."));
        k.add(env("DISABLE_PROMPT_CACHING").shown().checks("cost.prompt-caching")
                .does("Caching off: a cache-lifetime setting beside it is warned about (it has no effect)."));
        k.add(env("FORCE_PROMPT_CACHING_5M").shown().checks("cost.prompt-caching")
                .does("Beats every other cache-lifetime setting: a 1-hour setting beside it is warned about."));
        k.add(env("ENABLE_PROMPT_CACHING_1H").shown().checks("cost.prompt-caching")
                .does("1-hour cache on any provider (after CLAUDE_CODE_PROMPT_CACHE_TTL and settings "
                        + "`promptCacheTtl`); a value Claude Code reads as neither on nor off is warned about."));
        k.add(env("ENABLE_PROMPT_CACHING_1H_BEDROCK").shown().checks("cost.prompt-caching")
                .does("The older, Bedrock-only spelling of ENABLE_PROMPT_CACHING_1H; still read."));
        k.add(env("CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS").shown().checks("credentials.knobs")
                .does("How long Claude Code waits for the AWS credential chain (default 60000 ms): a value it cannot "
                        + "read, or reads short (\"30s\" is 30 ms), is warned about."));
        k.add(env("CLAUDE_CODE_SKIP_AWS_CRED_CACHE").shown().checks("credentials.knobs")
                .does("Resolve AWS credentials afresh each time instead of from Claude Code's cache: must read as on "
                        + "or off."));
        k.add(env("CLAUDE_CODE_DISABLE_AUTH_REFRESH_LOCK").shown().checks("credentials.knobs")
                .does("Runs awsAuthRefresh without the lock that keeps two Claude Code sessions from refreshing at "
                        + "once: must read as on or off."));
        k.add(env("CLAUDE_CODE_SUBPROCESS_ENV_SCRUB").shown().checks("credentials.knobs")
                .does("Removes AWS and other provider credentials (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, "
                        + "AWS_SESSION_TOKEN, AWS_BEARER_TOKEN_BEDROCK, ...) from the environment of the tools Claude "
                        + "Code runs: must read as on or off."));
        k.add(env("ANTHROPIC_AUTH_TOKEN").shown().secret().checks("credentials.foreign-token")
                .does("An Anthropic token sent to Bedrock is reported."));
        k.add(env("ANTHROPIC_API_KEY").shown().secret()
                .does("Shown masked: with Bedrock on, Claude Code does not send it."));
        for (String proxy : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy")) {
            k.add(env(proxy).shown().checks("network.proxy", "network.runtime-endpoint",
                    "network.control-plane-endpoint")
                    .does("The proxy the reachability checks connect through (CONNECT); its URL is judged."));
        }
        for (String noProxy : List.of("NO_PROXY", "no_proxy")) {
            k.add(env(noProxy).shown().checks("network.proxy", "network.runtime-endpoint",
                    "network.control-plane-endpoint")
                    .does("Hosts that bypass the proxy; covering amazonaws.com is reported."));
        }
        k.add(env("NODE_EXTRA_CA_CERTS").shown().checks("network.ca-certs", "network.tls-inspection")
                .does("Must be readable and exported in the shell; must hold the issuer of an inspecting proxy."));
        // settings keys shown in the effective configuration
        k.add(setting("model").shown().checks("models.one-million", "models.bare-id", "models.prefix-region", "models.legacy",
                "models.shape", "models.unpinned", "models.main-model", "models.prefix-pins")
                .does("The main model when ANTHROPIC_MODEL is not set (it beats ANTHROPIC_DEFAULT_MODEL): its ID is "
                        + "judged, not probed."));
        k.add(setting("awsAuthRefresh").shown().checks("credentials.auth-refresh", "settings.wrong-file")
                .does("The program must exist; in ~/.claude.json it is ignored by Claude Code."));
        k.add(setting("awsCredentialExport").shown().checks("credentials.export-command", "credentials.source",
                "helpers.export", "settings.wrong-file")
                .does("The program must exist; it is run and its output judged as Claude Code reads it."));
        k.add(setting("apiKeyHelper").shown().checks("credentials.foreign-token")
                .does("An Anthropic key helper with Bedrock on is reported."));
        k.add(setting("availableModels").shown().checks("models.allowlist")
                .does("Managed: the pins must be in it (its entries joined across managed documents)."));
        k.add(setting("enforceAvailableModels").shown().checks("models.allowlist")
                .does("Managed: with it, Claude Code's default model falls back to the first allowed entry."));
        // read, not shown
        k.add(setting("env").checks("settings.env-types", "settings.wrong-file")
                .does("Every variable on this page is read from it, managed > local > project > user > shell; "
                        + "values must be strings."));
        k.add(env("CLAUDE_CONFIG_DIR").does("Honoured: user settings and ~/.claude.json are read from it."));
        for (String endpoint : List.of("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_BEDROCK")) {
            k.add(env(endpoint).checks("network.control-plane-endpoint", "bedrock.control-plane")
                    .does("Endpoint override: the reachability check and the AWS SDK calls use it."));
        }
        k.add(env("AWS_ENDPOINT_URL_BEDROCK_RUNTIME").checks("network.runtime-endpoint")
                .does("Endpoint override for bedrock-runtime when ANTHROPIC_BEDROCK_BASE_URL is not set."));
        k.add(env("AWS_ENDPOINT_URL_STS").checks("aws.identity")
                .does("Endpoint override the AWS SDK uses for STS."));
        for (String endpoint : List.of("AWS_ENDPOINT_URL_SSO", "AWS_ENDPOINT_URL_SSO_OIDC")) {
            k.add(env(endpoint).does("Endpoint override the SSO login and token refresh use, as the AWS SDKs do."));
        }
        k.add(env("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC")
                .does("Set by `verify` for its `claude -p` run, so that run sends nothing but the prompt."));
        k.add(env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")
                .does("Honoured as the AWS SDKs do: `true` turns every AWS_ENDPOINT_URL* off."));

        // left alone, by reason
        k.addAll(ignored(Kind.ENV, "selects or configures another provider (Vertex AI, Foundry, Claude Platform on "
                        + "AWS or Google Cloud, Mantle, a gateway); a setup that uses one is not a Bedrock setup.",
                "CLAUDE_CODE_USE_GATEWAY",
                "CLAUDE_CODE_SKIP_VERTEX_AUTH", "CLAUDE_CODE_SKIP_FOUNDRY_AUTH", "CLAUDE_CODE_SKIP_ANTHROPIC_AWS_AUTH",
                "CLAUDE_CODE_SKIP_ANTHROPIC_GOOGLE_CLOUD_AUTH", "CLAUDE_CODE_SKIP_MANTLE_AUTH",
                "ANTHROPIC_VERTEX_BASE_URL", "ANTHROPIC_VERTEX_PROJECT_ID", "ANTHROPIC_FOUNDRY_API_KEY",
                "ANTHROPIC_FOUNDRY_AUTH_TOKEN", "ANTHROPIC_FOUNDRY_BASE_URL", "ANTHROPIC_FOUNDRY_RESOURCE",
                "ANTHROPIC_GOOGLE_CLOUD_BASE_URL", "ANTHROPIC_GOOGLE_CLOUD_LOCATION", "ANTHROPIC_GOOGLE_CLOUD_PROJECT",
                "ANTHROPIC_GOOGLE_CLOUD_WORKSPACE_ID", "ANTHROPIC_AWS_API_KEY", "ANTHROPIC_AWS_BASE_URL",
                "ANTHROPIC_AWS_WORKSPACE_ID"));
        k.addAll(ignored(Kind.ENV, "the Anthropic API's own login, organisation and endpoint, which Claude Code does "
                        + "not use with Bedrock on.",
                "ANTHROPIC_BASE_URL", "ANTHROPIC_ORGANIZATION_ID", "ANTHROPIC_WORKSPACE_ID", "ANTHROPIC_PROFILE",
                "ANTHROPIC_CONFIG_DIR", "ANTHROPIC_FEDERATION_RULE_ID", "ANTHROPIC_IDENTITY_TOKEN_FILE",
                "ANTHROPIC_UNIX_SOCKET", "CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR", "CLAUDE_CODE_API_KEY_HELPER_TTL_MS"));
        k.addAll(ignored(Kind.ENV, "labels and extra entries of the /model picker; nothing is sent unless a person "
                        + "picks the entry.",
                "ANTHROPIC_CUSTOM_MODEL_OPTION", "ANTHROPIC_CUSTOM_MODEL_OPTION_DESCRIPTION",
                "ANTHROPIC_CUSTOM_MODEL_OPTION_NAME", "ANTHROPIC_DEFAULT_FABLE_MODEL_DESCRIPTION",
                "ANTHROPIC_DEFAULT_FABLE_MODEL_NAME", "ANTHROPIC_DEFAULT_FABLE_MODEL_SUPPORTED_CAPABILITIES",
                "ANTHROPIC_DEFAULT_HAIKU_MODEL_DESCRIPTION",
                "ANTHROPIC_DEFAULT_HAIKU_MODEL_NAME", "ANTHROPIC_DEFAULT_OPUS_MODEL_DESCRIPTION",
                "ANTHROPIC_DEFAULT_OPUS_MODEL_NAME", "ANTHROPIC_DEFAULT_SONNET_MODEL_DESCRIPTION",
                "ANTHROPIC_DEFAULT_SONNET_MODEL_NAME"));
        k.addAll(ignored(Kind.ENV, "models for subagents, classifiers and workflows, and the default behind the "
                        + "pins; not judged yet (a non-Bedrock ID fails only those calls).",
                "CLAUDE_CODE_SUBAGENT_MODEL", "CLAUDE_CODE_SUBAGENT_MODEL_FORCE",
                "CLAUDE_CODE_WORKFLOW_SUBAGENT_MODEL", "CLAUDE_CODE_AUTO_MODE_MODEL", "CLAUDE_CODE_BG_CLASSIFIER_MODEL",
                "CLAUDE_CODE_COORDINATOR_FORCE_WORKER_INHERIT_MODEL"));
        k.addAll(ignored(Kind.ENV, "how Claude Code chooses, remaps or falls back between models, not whether "
                        + "Bedrock answers.",
                "CLAUDE_CODE_ALLOW_OTHER_MODELS", "CLAUDE_CODE_DISABLE_LEGACY_MODEL_REMAP",
                "CLAUDE_CODE_DISABLE_MODEL_ACCESS_FALLBACK", "CLAUDE_CODE_DISABLE_UNKNOWN_MODEL_WINDOW_ENFORCEMENT",
                "CLAUDE_CODE_MODEL_CAPABILITIES", "CLAUDE_CODE_MODEL_CATALOG", "CLAUDE_CODE_MODEL_CATALOG_URL",
                "CLAUDE_CODE_MODEL_NOBODY_CHOSE", "CLAUDE_CODE_NO_MODEL_FALLBACK", "CLAUDE_CODE_SKIP_MODEL_ACCESS_MEMORY",
                "CLAUDE_CODE_USER_DELEGATED_SESSION_ALLOWED_CHECK_MODELS",
                "CLAUDE_CODE_USER_DELEGATED_SESSION_ANY_CHECK_MODEL", "CLAUDE_CODE_RUNNER_MODEL_SOCKET",
                "CLAUDE_CODE_ENABLE_GATEWAY_MODEL_DISCOVERY", "CLAUDE_CODE_GATEWAY_MODEL_DISCOVERY_TIMEOUT_MS"));
        k.addAll(ignored(Kind.ENV, "prompt caching and Bedrock request or stream tuning: cost and latency, not "
                        + "whether calls succeed.",
                "DISABLE_PROMPT_CACHING_FABLE", "DISABLE_PROMPT_CACHING_HAIKU", "DISABLE_PROMPT_CACHING_MYTHOS",
                "DISABLE_PROMPT_CACHING_OPUS", "DISABLE_PROMPT_CACHING_SONNET",
                "CLAUDE_CODE_DISABLE_BEDROCK_CONTENT_TYPE_DEFAULT", "CLAUDE_CODE_DISABLE_BEDROCK_CONTENT_TYPE_GUARD",
                "CLAUDE_ENABLE_BYTE_WATCHDOG_BEDROCK", "ANTHROPIC_BETAS", "ANTHROPIC_LOG"));
        k.addAll(ignored(Kind.ENV, "credential sources of AWS compute (containers, web identity, Lambda) and the "
                        + "AWS SDK's caches and timeouts; not judged yet: credentials.source does not count them, the "
                        + "online checks resolve them through the AWS SDK.",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_ROLE_ARN",
                "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_EXECUTION_ENV", "AWS_LAMBDA_BENCHMARK_MODE",
                "AWS_LAMBDA_FUNCTION_NAME", "AWS_LOGIN_CACHE_DIRECTORY"));
        k.addAll(ignored(Kind.ENV, "endpoint and trust variants (FIPS endpoints, the AWS CA bundle, client "
                        + "certificates, the OS trust store, TLS verification off); not judged yet.",
                "AWS_USE_FIPS_ENDPOINT", "AWS_CA_BUNDLE", "CLAUDE_CODE_CERT_STORE", "CLAUDE_CODE_CLIENT_CERT",
                "CLAUDE_CODE_CLIENT_KEY", "CLAUDE_CODE_CLIENT_KEY_PASSPHRASE", "NODE_USE_SYSTEM_CA",
                "NODE_TLS_REJECT_UNAUTHORIZED"));
        k.addAll(ignored(Kind.ENV, "proxy variants the reachability checks do not model: ALL_PROXY, Node's own "
                        + "proxy switch, a proxy-authorization helper, Claude Code's repair of a proxy URL without a "
                        + "scheme, and the proxies of remote (CCR) sessions.",
                "ALL_PROXY", "all_proxy", "NODE_USE_ENV_PROXY", "CLAUDE_CODE_ENABLE_PROXY_AUTH_HELPER",
                "CLAUDE_CODE_PROXY_AUTH_HELPER_TTL_MS", "CLAUDE_CODE_PROXY_RESOLVES_HOSTS",
                "CLAUDE_CODE_DISABLE_PROXY_SCHEME_REPAIR", "CLAUDE_CODE_SIMULATE_PROXY_USAGE",
                "CLAUDE_CODE_AGENT_PROXY_GH_SHIM", "CLAUDE_CODE_AGENT_PROXY_GIT_CONFIG",
                "CLAUDE_CODE_AGENT_PROXY_GIT_HOSTS", "CLAUDE_CODE_WEBFETCH_USE_CCR_PROXY",
                "CLAUDE_CODE_WEBSEARCH_USE_CCR_PROXY", "ANTHROPIC_CUSTOM_HEADERS"));
        k.addAll(ignored(Kind.ENV, "set by a host application (an IDE, the Agent SDK, a runner) that manages "
                        + "credentials itself; not part of a setup bedrock-setup writes.",
                "CLAUDE_CODE_AUTH_FAIL_EXIT_MS", "CLAUDE_CODE_HOST_AUTH_ASK_AT_START", "CLAUDE_CODE_HOST_AUTH_ENV_VAR",
                "CLAUDE_CODE_HOST_AUTH_REFRESH_TIMEOUT_MS", "CLAUDE_CODE_HOST_CREDS_FILE",
                "CLAUDE_CODE_PROVIDER_MANAGED_BY_HOST"));
        k.addAll(ignored(Kind.ENV, "managed settings from another place or prefetched; the doctor reads the OS's "
                        + "managed-settings.json and managed-settings.d/ fragments only (the published 2.1.330 build "
                        + "reads no other place either: decision 0040).",
                "CLAUDE_CODE_MANAGED_SETTINGS_PATH", "CLAUDE_CODE_MANAGED_CONFIG_PREFETCH"));

        k.addAll(ignored(Kind.SETTING, "another provider's credential helper.", "gcpAuthRefresh"));
        k.addAll(ignored(Kind.SETTING, "the Anthropic login (claude.ai, Console, Cloud gateway), which Bedrock "
                        + "does not use.",
                "forceLoginMethod", "forceLoginOrgUUID", "forceLoginGatewayUrl", "gatewayInternalNetworks",
                "allowNestedModelAccessUnderForceLogin"));
        k.addAll(ignored(Kind.SETTING, "which models people may pick, in what order, at what price, and how they "
                        + "map; not judged yet (modelOverrides can map a model to a Bedrock ARN the probe does not "
                        + "try).",
                "availableModelsMatch", "deniedModels", "modelOverrides",
                "modelPicker", "fallbackModel", "modelSettings", "modelPricing", "modelProposedGoals",
                "switchModelsOnFlag", "advisorModel", "modelCatalogUrl", "modelCatalogPublicKey"));
        k.addAll(ignored(Kind.SETTING, "effort and prompt-cache lifetime (their descriptions mention Bedrock): cost "
                        + "and latency, not whether calls succeed.", "maxEffortLevel", "promptCacheTtl"));
        k.addAll(ignored(Kind.SETTING, "a command that supplies a Proxy-Authorization header; a proxy that needs one "
                        + "shows as 407 in the reachability checks.", "proxyAuthHelper"));
        k.addAll(ignored(Kind.SETTING, "managed policy about providers and how managed sources compose; not judged "
                        + "yet (an allowedProviders that leaves Bedrock out forbids it on this machine; a policyHelper computes settings "
                        + "the doctor does not see).",
                "allowedProviders", "policyHelper", "policyHelpers", "managedSourcesBehavior"));
        k.addAll(ignored(Kind.SETTING, "managed policy about hooks, MCP servers, permissions, the browser and "
                        + "attribution: none of them decides whether Bedrock answers.",
                "allowManagedHooksOnly", "allowManagedMcpServersOnly", "allowManagedPermissionRulesOnly",
                "allowClaudeInChromeWithManagedMcp", "managedMcpServers", "attributionProjectPolicy"));
        KEYS = Collections.unmodifiableList(k);
    }

    public static List<Key> all() {
        return KEYS;
    }

    /** The variables the effective configuration lists, in display order. */
    public static List<String> shownVariables() {
        return names(Kind.ENV, true);
    }

    /** The top-level settings keys the effective configuration lists. */
    public static List<String> shownSettings() {
        return names(Kind.SETTING, true);
    }

    /** Names whose values are secrets. */
    public static Set<String> secretNames() {
        Set<String> out = new LinkedHashSet<>();
        for (Key key : KEYS) {
            if (key.secret) {
                out.add(key.name);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static List<String> names(Kind kind, boolean shown) {
        List<String> out = new ArrayList<>();
        for (Key key : KEYS) {
            if (key.kind == kind && key.shown == shown) {
                out.add(key.name);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The list the drift script reads with --known: "env NAME" / "setting key", one a line. */
    public static String knownList() {
        StringBuilder sb = new StringBuilder();
        for (Key key : KEYS) {
            sb.append(key.kind.label).append(' ').append(key.name).append('\n');
        }
        return sb.toString();
    }

    /** docs/claude-code-surface.md, generated: every known key with what the doctor does about it. */
    public static String page() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Claude Code's settings and variables, and what the doctor does about them\n\n")
                .append("Generated from the doctor's catalogue (`claude/ClaudeCodeSurface`); a test keeps it in step. ")
                .append("The drift alarm, `scripts/claude-code-surface.py INSTALL`, lists the settings keys and ")
                .append("environment variables an installed Claude Code knows that concern Bedrock, AWS, models, ")
                .append("credentials, proxies and managed policy (its rules are at the top of the script) and fails, ")
                .append("naming the key, when one of them is not in this list; `ClaudeCodeSurfaceDriftTest` runs it on ")
                .append("the pinned Claude Code. A key that is *shown* appears in `bedrock-setup doctor`'s effective ")
                .append("configuration with its origin and what it shadows; secrets are shown masked.\n");
        section(sb, "Environment variables", Kind.ENV);
        section(sb, "Settings keys", Kind.SETTING);
        return sb.toString();
    }

    private static void section(StringBuilder sb, String title, Kind kind) {
        sb.append("\n## ").append(title).append("\n\n")
                .append("| Key | Kind | Shown | Checks | What the doctor does |\n")
                .append("|---|---|---|---|---|\n");
        for (Key key : KEYS) {
            if (key.kind != kind) {
                continue;
            }
            List<String> checks = new ArrayList<>();
            for (String id : key.checks) {
                checks.add("`" + id + "`");
            }
            sb.append("| `").append(key.name).append("` | ").append(kind.label).append(" | ")
                    .append(key.shown ? (key.secret ? "masked" : "yes") : "").append(" | ")
                    .append(String.join(", ", checks)).append(" | ").append(key.does).append(" |\n");
        }
    }
}
