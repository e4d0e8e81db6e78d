package dev.bedrocksetup.doctor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * For each check: why the problem happens and how to fix it, in general terms (a finding gives the exact fix for the
 * user's files). The troubleshooting page (docs/troubleshooting.md) is generated from this and the catalogue.
 */
public final class CheckDocs {
    private CheckDocs() {}

    /** Cause and fix of one check. */
    public static final class Doc {
        public final String cause;
        public final String fix;

        Doc(String cause, String fix) {
            this.cause = cause;
            this.fix = fix;
        }
    }

    private static final Map<String, Doc> DOCS = new LinkedHashMap<>();

    private static void doc(String id, String cause, String fix) {
        DOCS.put(id, new Doc(cause, fix));
    }

    static {
        doc("claude.installed", "Claude Code is not installed, or not on the PATH of the shell that runs bedrock-setup.",
                "`npm install -g @anthropic-ai/claude-code`, then open a new shell.");
        doc("settings.outside-project", "Project and local settings arrive with a cloned repository. A symbolic link "
                + "there that leads out of the project (`.claude/settings.json -> ../../.docker/config.json`) would "
                + "make a tool that edits settings edit a file elsewhere; bedrock-setup refuses to write it (exit 3) and "
                + "does not read it, while Claude Code would read it as the project's settings.",
                "Remove the link (`rm .claude/settings.json`), or replace it with a file of its own.");
        doc("permissions.world-writable", "A directory holding Claude Code's settings or AWS's configuration, "
                + "credentials or SSO tokens (`~/.claude`, `~/.aws`, `~/.aws/sso/cache`) can be written by every user "
                + "of the machine (mode `drwxrwxrwx`, often from a careless `chmod -R 777` or a shared home). Any of "
                + "them can rename a file away and put their own in its place. bedrock-setup refuses to write SSO "
                + "tokens, client registrations or an API key into such a directory (exit 3).",
                "`chmod o-w` the directory the doctor names (`chmod 700 ~/.aws/sso/cache` is what the AWS CLI uses).");
        doc("models.allowlist", "Managed settings list the models people may use (`availableModels`, joined across "
                + "managed-settings.json and every managed-settings.d fragment), and a pinned model is not among them. "
                + "Claude Code 2.1.330 does not refuse to start: it prints \"Model ... is restricted by your "
                + "organization's settings\" and uses its default model instead (with `enforceAvailableModels`, the "
                + "first allowed entry). An empty list leaves only the default model.",
                "Pin an allowed model (`bedrock-setup init --model ID`), or have the administrator allow it "
                        + "(`bedrock-setup init --scope managed --allow-model ID`).");
        doc("settings.syntax", "Claude Code reads settings as strict JSON; a comment, a trailing comma or a byte order "
                + "mark makes it skip the whole file, silently in `-p` mode.",
                "Correct the file at the line and column the doctor names.");
        doc("settings.env-types", "Values in `env` should be JSON strings: a number (`1` instead of `\"1\"`) crashed "
                + "Claude Code 2.1.94; 2.1.330 and 2.1.332 read it as its text (a warning). Other non-strings fail.",
                "Quote the value, or run `bedrock-setup doctor --fix`.");
        doc("settings.wrong-file", "`~/.claude.json` is Claude Code's state file; `awsAuthRefresh` and "
                + "`awsCredentialExport` there are ignored. Its `env` is still applied (below every settings file, "
                + "above the shell), a legacy place: a warning, and the doctor counts its values.",
                "Move them into `~/.claude/settings.json` (`bedrock-setup doctor --fix` copies them).");
        doc("settings.bedrock-enabled", "`CLAUDE_CODE_USE_BEDROCK` is not `1`/`true` in any settings file or the "
                + "shell, so Claude Code uses the Anthropic API.", "`bedrock-setup init`.");
        doc("settings.bedrock-shadowed", "A higher-precedence file (managed, local, project) sets "
                + "`CLAUDE_CODE_USE_BEDROCK` to `0` and beats the file that turns it on.",
                "Remove the key from the file the doctor names.");
        doc("settings.workspace-trust", "Provider settings only in project or local settings apply after the user "
                + "accepts workspace trust, so the first run asks for an Anthropic login.",
                "Put them in user or managed settings: `bedrock-setup init --scope user`.");
        doc("region.set", "Claude Code up to 2.1.171 reads the region only from `AWS_REGION`; later versions fall back "
                + "to the profile's region, then us-east-1.", "Set `AWS_REGION` in settings `env` "
                + "(`bedrock-setup init`, or `doctor --fix` takes the profile's region).");
        doc("region.valid", "The region is not an AWS region name, so no endpoint resolves.",
                "Use a region such as us-west-2.");
        doc("region.small-fast-region", "`ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION` takes a region, but holds a model ID "
                + "(a warning: Claude Code still answers; its small/fast background calls are at risk).",
                "Set it to a region, or remove it.");
        doc("models.bare-id", "Bedrock serves Claude on demand only through inference profiles; a bare "
                + "`anthropic.` ID fails with \"on-demand throughput isn't supported\".",
                "Prefix the ID with the region's geography (`us.`, `eu.`, `apac.`) or `global.`; `doctor --fix` does it.");
        doc("models.prefix-region", "A geography prefix that the region does not serve (`us.` in eu-west-1) fails with "
                + "\"The provided model identifier is invalid\".", "Re-pin with the region's prefix or `global.`; "
                + "`doctor --fix` does it.");
        doc("models.legacy", "Claude 3 models are marked Legacy by Bedrock and refused for new use.",
                "Pin a current model: `bedrock-setup models` lists them.");
        doc("models.shape", "The value is not an inference profile ID, an ARN or an alias Claude Code knows.",
                "Use an ID from `bedrock-setup models`.");
        doc("models.deprecated", "`ANTHROPIC_SMALL_FAST_MODEL` was replaced by `ANTHROPIC_DEFAULT_HAIKU_MODEL`.",
                "Rename it; `bedrock-setup init` and `doctor --fix` migrate it.");
        doc("models.unpinned", "Without pins, Claude Code's defaults decide, and they change between versions: "
                + "unexpected Opus billing, or 403 on Haiku-class background calls not granted.",
                "Pin `ANTHROPIC_MODEL` and every `ANTHROPIC_DEFAULT_*_MODEL`.");
        doc("models.region-prefix-var", "`ANTHROPIC_BEDROCK_REGION_PREFIX` takes us, eu, apac, jp, au or global, and "
                + "only Claude Code 2.1.224+ reads it; any other value is ignored (a warning: Claude Code derives the "
                + "prefix from the region). In GovCloud (a us-gov-* region) Claude Code ignores it and uses us-gov.",
                "Correct the value, or update Claude Code; in GovCloud, remove it.");
        doc("models.prefix-pins", "`ANTHROPIC_BEDROCK_REGION_PREFIX` changes only the models Claude Code picks itself; "
                + "a pinned model ID is sent as written, so a pin in another geography keeps those calls there.",
                "Pin the override's profile (`bedrock-setup models` lists what the account has), or leave the pin if "
                        + "that geography is meant.");
        doc("models.main-model", "A session starts on `claude --model`, else `ANTHROPIC_MODEL`, else settings "
                + "`model`, else `ANTHROPIC_DEFAULT_MODEL`, else Claude Code's own default. `ANTHROPIC_DEFAULT_MODEL` "
                + "`opusplan` or `haiku` is ignored.", "Set the one that should win; remove the others.");
        doc("settings.provider", "Claude Code uses the first provider switched on, in the order Bedrock, Foundry, "
                + "Claude Platform on AWS, Claude Platform on Google Cloud, Mantle, Vertex AI. With Bedrock on, the "
                + "others are unused, except Mantle, which then takes the models Bedrock does not serve.",
                "Switch off every provider but Bedrock (`CLAUDE_CODE_USE_...` removed or `0`).");
        doc("models.one-million", "Claude Code strips a `[1m]` tag from the model ID and asks for the 1M window; "
                + "its model table gives that window to Sonnet 4.x and Opus 4.6 and later, while Haiku 4.5 and Opus "
                + "4.0-4.5 have 200K only, and Sonnet 5.x, Haiku 5.5 and Fable are 1M without the tag.",
                "Drop the tag, or pin a model that takes it.");
        doc("cost.service-tier", "Claude Code sends `ANTHROPIC_BEDROCK_SERVICE_TIER` unchecked as the "
                + "`X-Amzn-Bedrock-Service-Tier` header; Bedrock's tiers are default, flex and priority.",
                "Set one of those (lower case), or remove the variable for on-demand.");
        doc("cost.prompt-caching", "`DISABLE_PROMPT_CACHING` turns caching off, so a cache lifetime beside it does "
                + "nothing; `FORCE_PROMPT_CACHING_5M` beats `ENABLE_PROMPT_CACHING_1H` (and its older `_BEDROCK` "
                + "spelling); a value other than 1/true/yes/on or 0/false/no/off reads as off.",
                "Keep one caching setting, with a value Claude Code reads.");
        doc("credentials.knobs", "`CLAUDE_CODE_AWS_CHAIN_RESOLVE_TIMEOUT_MS` is read as a number of milliseconds "
                + "(\"30s\" is 30 ms; a value with no number is ignored for the 60 s default); the credential "
                + "switches read only 1/true/yes/on and 0/false/no/off.",
                "Write milliseconds as digits, and switches as 1 or 0.");
        doc("credentials.source", "Nothing tells Claude Code where credentials come from: \"Could not load "
                + "credentials from any providers\". Or `CLAUDE_CODE_SKIP_BEDROCK_AUTH` is on without "
                + "`ANTHROPIC_BEDROCK_BASE_URL`: Claude Code sends its calls unsigned to AWS, which answers 403 "
                + "\"Missing Authentication Token\" (with a gateway there, the gateway must sign them).",
                "`bedrock-setup init`; or remove `CLAUDE_CODE_SKIP_BEDROCK_AUTH`, or point `ANTHROPIC_BEDROCK_BASE_URL` "
                + "at your gateway.");
        doc("credentials.profile-and-keys", "With `AWS_PROFILE` and `AWS_ACCESS_KEY_ID` both set, Claude Code uses the "
                + "profile (its SDK warns that a future version may prefer the keys) and the AWS CLI the keys: "
                + "different identities (a warning).",
                "Keep one: unset the keys, or the profile.");
        doc("credentials.api-key", "An empty `AWS_BEARER_TOKEN_BEDROCK` is ignored: Claude Code signs with AWS "
                + "credentials instead (a warning); short-term keys expire after at most 12 hours and work only in "
                + "their region.", "Remove the empty variable, or set a valid key: "
                + "`bedrock-setup init --auth bedrock-api-key`.");
        doc("credentials.foreign-token", "An Anthropic token (`ANTHROPIC_AUTH_TOKEN`, `apiKeyHelper`) beside Bedrock: "
                + "Claude Code 2.1.330 and 2.1.332 ignore it there and sign their calls (a warning); older versions sent "
                + "it to Bedrock: \"Invalid API Key format: Must start with pre-defined prefix\".", "Remove it.");
        doc("credentials.auth-refresh", "`awsAuthRefresh` runs a program that is not installed, so expired credentials "
                + "will not be refreshed (a warning: Claude Code runs it only when the login has expired).", "Use `bedrock-setup login` (no AWS CLI needed): "
                + "`bedrock-setup init --auth-refresh login`.");
        doc("credentials.export-command", "`awsCredentialExport` runs a program that is not there; Claude Code fails "
                + "at every session start.", "Fix the path, or run `bedrock-setup init` again.");
        doc("aws.config-readable", "The AWS SDKs disagree on `~/.aws/config` grammar; a line one of them cannot parse "
                + "breaks every profile for it.", "Correct the line the doctor names (only `key = value` in sections).");
        doc("aws.profile-exists", "`AWS_PROFILE` names a profile that is in neither `~/.aws/config` nor "
                + "`~/.aws/credentials`.", "Create it (`bedrock-setup init --sso-start-url ...`), or correct the name.");
        doc("aws.legacy-sso", "A profile with `sso_start_url` and no `sso-session` cannot refresh its login: about "
                + "8 hours, then a browser again.", "Migrate it to an `[sso-session]` with "
                + "`sso_registration_scopes = sso:account:access` (the `init` wizard offers it).");
        doc("aws.sso-session-missing", "The profile's `sso_session` names a section that does not exist.",
                "Add the section, or recreate the profile with `bedrock-setup init`.");
        doc("aws.static-shadow", "The JavaScript SDK (Claude Code) tries static keys before SSO: keys under the same "
                + "name in `~/.aws/credentials` win silently. Online, keys AWS accepts are a warning (Claude Code answers "
                + "as their IAM user, not the SSO role); otherwise a failure.", "Delete that section from `~/.aws/credentials`.");
        doc("sso.token", "No IAM Identity Center login in the token cache, or one that expired and cannot refresh: "
                + "\"The SSO session associated with this profile has expired\". Online, also a login the portal "
                + "refuses although its expiry says valid (signed out in the portal, or revoked): the doctor then "
                + "reports it here, and `aws.credentials` points here.",
                "`bedrock-setup login --profile P` (or `aws sso login --profile P`).");
        doc("tokens.max-output", "A leftover `CLAUDE_CODE_MAX_OUTPUT_TOKENS=4096` (old setup guides) cuts answers of "
                + "current models short; a value that is not a number is ignored (Claude Code uses the model's default).", "Remove it or raise it to 32000 or more.");
        doc("tokens.thinking", "`MAX_THINKING_TOKENS` at or above the output limit makes every request with thinking "
                + "fail: \"max_tokens must be greater than thinking.budget_tokens\".", "Lower it below the output limit.");
        doc("network.ca-certs", "Node reads `NODE_EXTRA_CA_CERTS` at start-up, before settings apply; behind a "
                + "TLS-inspecting proxy Claude Code then reports \"Self-signed certificate detected\". A missing file "
                + "is a warning: Node warns and starts without it.",
                "Export it in your shell profile, pointing at a readable PEM bundle.");
        doc("ide.vscode", "The VS Code extension reads `claudeCode.environmentVariables` as an ARRAY of "
                + "`{\"name\", \"value\"}`; without `claudeCode.disableLoginPrompt` it shows the Anthropic login.",
                "`bedrock-setup init --vscode` writes both.");
        doc("aws.credentials", "The credential chain Claude Code's SDK walks (profile, SSO token cache, keys, "
                + "role_arn with source_profile) yields nothing usable: no login, an expired session that cannot "
                + "refresh, a missing profile, a role whose trust policy refuses the source, or `mfa_serial` (Claude "
                + "Code cannot prompt for an MFA code).",
                "Follow the fix shown, usually `bedrock-setup login --profile P`; for a refused role, let the source "
                + "assume it (trust policy and `sts:AssumeRole`).");
        doc("aws.identity", "AWS refuses the credentials: expired session credentials, stale keys, or keys of another "
                + "account.", "Log in again, or replace the keys.");
        doc("aws.clock", "SigV4 signatures are valid for 5 minutes around AWS's time; the AWS CLI corrects a skewed "
                + "clock, Claude Code's model calls do not, and retry \"Signature expired\" without end.",
                "Synchronise the clock with NTP.");
        doc("bedrock.control-plane", "`bedrock:ListInferenceProfiles` or `bedrock:GetInferenceProfile` is denied; "
                + "Claude Code then silently uses its built-in model list (a warning while the pinned models answer, a "
                + "failure when they fail too).", "Grant both: `bedrock-setup policy` prints "
                + "the statements.");
        doc("helpers.export", "Claude Code runs `awsCredentialExport` at every session start, without a terminal, and "
                + "signs every Bedrock call with what it prints. It takes only temporary credentials: a non-empty "
                + "`AccessKeyId`, `SecretAccessKey` and `SessionToken` (else \"did not return valid AWS STS output "
                + "structure\"); a command that prompts or fails gives \"did not return a valid value\". Then it falls "
                + "back to its credential chain (the profile): with none, no credentials at all (a failure); beside a "
                + "working profile, a warning. Credentials without `Expiration` are cached for an hour.", "Use `bedrock-setup export-credentials "
                + "--profile P` (`bedrock-setup init --credentials export` writes it).");
        doc("bedrock.models", "A pinned model cannot be invoked where Claude Code invokes it (the regional endpoint, "
                + "or the gateway at `ANTHROPIC_BEDROCK_BASE_URL`; unsigned with `CLAUDE_CODE_SKIP_BEDROCK_AUTH`): "
                + "access not granted, the use-case form not submitted, IAM missing a destination region's "
                + "foundation-model ARN, throttling or quota, a gateway that does not sign.",
                "Follow the fix per model; for IAM, `bedrock-setup policy` prints the exact policy.");
        doc("network.proxy", "Claude Code reads HTTPS_PROXY, HTTP_PROXY and NO_PROXY (its network-config docs: "
                + "basic authentication in the URL, no SOCKS). A value without a scheme (`proxy:8080`) is not a URL to "
                + "Node; when both spellings are set with different values (`HTTPS_PROXY`, `https_proxy`), programs "
                + "disagree on which wins (the doctor tests with the lowercase one). A proxy only in settings `env` "
                + "reaches Claude Code and the commands it starts, not the commands you run in your shell; NO_PROXY "
                + "covering amazonaws.com sends Bedrock traffic around the proxy. Proxy passwords are shown masked.",
                "Write each as `http://host:port` (`http://user:password@host:port` for basic authentication); give "
                        + "both spellings the same value or unset one.");
        doc("network.runtime-endpoint", "The endpoint Claude Code sends prompts to "
                + "(`bedrock-runtime.REGION.amazonaws.com`, or `ANTHROPIC_BEDROCK_BASE_URL`) cannot be resolved or "
                + "reached: DNS that needs a VPN, a firewall, a proxy that is required but not set, or a proxy that "
                + "refuses CONNECT (407: it wants credentials). The doctor resolves, connects (through the proxy with "
                + "CONNECT when one applies) and completes the TLS handshake, each step within 5 s; it sends no HTTP "
                + "request.", "Follow the fix shown: connect the VPN, set `HTTPS_PROXY=http://host:port`, or correct "
                + "the URL.");
        doc("network.control-plane-endpoint", "The same for `bedrock.REGION.amazonaws.com` (or "
                + "`AWS_ENDPOINT_URL_BEDROCK`), which Claude Code asks for the inference profiles before the first "
                + "prompt; when it does not answer Claude Code uses its built-in model list (a warning while the pinned "
                + "models answer).", "As for the runtime endpoint.");
        doc("network.tls-inspection", "Amazon issues its endpoints' certificates (Amazon Root CA 1-4, Starfield "
                + "Services Root CA G2). Another issuer on an amazonaws.com host means a proxy or VPN re-signs TLS; "
                + "Node trusts only its own roots plus `NODE_EXTRA_CA_CERTS`, read at start-up, so Claude Code refuses "
                + "the connection unless that bundle holds the inspecting root. For endpoint overrides (gateways) the "
                + "issuer is shown, and judged only when the handshake fails on it.",
                "`export NODE_EXTRA_CA_CERTS=/path/to/corporate-root.pem` in your shell profile, then start Claude "
                        + "Code; the doctor checks the bundle holds the issuer it saw.");
    }

    public static Doc of(String id) {
        return DOCS.get(id);
    }

    /** docs/troubleshooting.md, generated: one section per check, in the doctor's order. */
    public static String troubleshootingPage() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Troubleshooting\n\n")
                .append("Generated from the doctor's check catalogue (`doctor/CheckCatalog`, `doctor/CheckDocs`); a test "
                        + "keeps it in step. Run `bedrock-setup doctor` to see which of these apply to you, with the "
                        + "exact fix for your files (it names each problem by the id in brackets below; `--all` shows "
                        + "every check), and `bedrock-setup doctor --fix` to apply the safe ones.\n");
        String group = null;
        for (Check c : CheckCatalog.all()) {
            if (!c.group.equals(group)) {
                group = c.group;
                sb.append("\n## ").append(group).append('\n');
            }
            Doc d = of(c.id);
            sb.append("\n### ").append(c.title).append(" (`").append(c.id).append("`)\n\n")
                    .append("- **Symptom:** ").append(c.symptom).append('\n')
                    .append("- **Cause:** ").append(d.cause).append('\n')
                    .append("- **Fix:** ").append(d.fix).append('\n');
        }
        return sb.toString();
    }
}
