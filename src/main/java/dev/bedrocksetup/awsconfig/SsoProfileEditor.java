package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.BedrockSetupException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the three edits of ~/.aws/config that bedrock-setup makes: create an SSO profile on an sso-session (reusing a
 * session with the same start URL), migrate a legacy SSO profile to an sso-session in place, and set a profile's
 * region. Each returns an {@link AwsConfigEdit}; a file the AWS tools cannot read is refused first (exit 3).
 */
public final class SsoProfileEditor {
    static final String SCOPES = "sso:account:access";
    // keys that make a profile something other than an SSO profile: we do not silently turn it into one
    private static final Set<String> OTHER_SOURCES = Set.of("aws_access_key_id", "aws_secret_access_key",
            "aws_session_token", "role_arn", "source_profile", "credential_source", "credential_process",
            "web_identity_token_file", "sso_start_url", "sso_region");

    private SsoProfileEditor() {}

    /**
     * Plans {@code [sso-session NAME]} (start URL, SSO region, registration scopes) plus {@code [profile NAME]}
     * (sso_session, sso_account_id, sso_role_name, region). An existing session with the same start URL and SSO
     * region is reused; an existing SSO profile of that name is updated in place. {@code credentials} may be null.
     */
    public static AwsConfigEdit planCreate(AwsSharedFile config, AwsSharedFile credentials, SsoProfileRequest request) {
        SsoProfileRequest req = request.validated();
        config.requireEditable();
        AwsConfigDocument doc = AwsConfigDocument.parse(config.text(), AwsFileKind.CONFIG);
        RecordingConfigEditor editor = new RecordingConfigEditor(doc, config.path().toString());
        List<String> notes = new ArrayList<>();
        String session = useSession(config, editor, req.sessionName(), req.startUrl(), req.ssoRegion(), notes);

        ConfigSection existing = editor.section(SectionType.PROFILE, req.profileName());
        if (existing == null) {
            editor.appendSection(SectionType.PROFILE, req.profileName(), List.of(
                    new String[] {"sso_session", session},
                    new String[] {"sso_account_id", req.accountId()},
                    new String[] {"sso_role_name", req.roleName()},
                    new String[] {"region", req.region()}));
        } else {
            Map<String, String> props = config.sdk().profile(req.profileName()).orElse(Map.of());
            for (PropertySpan p : existing.properties(doc)) {
                if (OTHER_SOURCES.contains(p.key())) {
                    throw BedrockSetupException.usage(config.path() + " line " + (existing.lineNumber())
                                    + ": profile '" + req.profileName() + "' already exists and gets credentials "
                                    + "another way ('" + p.key() + "')",
                            props.containsKey("sso_start_url")
                                    ? "migrate it to an sso-session instead, or choose another profile name"
                                    : "choose another profile name");
                }
            }
            int recordsBefore = editor.records().size();
            editor.setKey(SectionType.PROFILE, req.profileName(), "sso_session", session);
            editor.setKey(SectionType.PROFILE, req.profileName(), "sso_account_id", req.accountId());
            editor.setKey(SectionType.PROFILE, req.profileName(), "sso_role_name", req.roleName());
            editor.setKey(SectionType.PROFILE, req.profileName(), "region", req.region());
            if (editor.records().size() > recordsBefore) {
                notes.add("profile '" + req.profileName() + "' already existed: its SSO settings were updated in place");
            }
        }
        notes.addAll(StaticKeyShadowing.warnings(credentials, req.profileName()));
        return AwsConfigEdit.of(config, "create-sso-profile", req.profileName(), editor, doc, notes);
    }

    /**
     * Plans the migration of the legacy SSO profile {@code profile} (sso_start_url and sso_region in the profile) to an
     * sso-session: the profile keeps its name, account, role and every other line; {@code sso_start_url} becomes
     * {@code sso_session = NAME} and {@code sso_region} moves into the session. A session with the same start URL and
     * region is reused, otherwise {@code [sso-session sessionNameIfNew]} is added.
     */
    public static AwsConfigEdit planMigrate(AwsSharedFile config, AwsSharedFile credentials, String profile,
            String sessionNameIfNew) {
        SsoInputValidation.profileName(profile);
        SsoInputValidation.sessionName(sessionNameIfNew);
        config.requireEditable();
        Map<String, String> props = config.sdk().profile(profile).orElseThrow(() -> BedrockSetupException.usage(
                "no profile '" + profile + "' in " + config.path(), "check the name with: aws configure list-profiles"));
        if (props.containsKey("sso_session") || !props.containsKey("sso_start_url")
                || !props.containsKey("sso_region")) {
            throw BedrockSetupException.usage("profile '" + profile + "' is not a legacy SSO profile (it needs "
                    + "sso_start_url and sso_region and no sso_session)", "nothing to migrate; choose a legacy profile");
        }
        String startUrl = props.get("sso_start_url");
        String ssoRegion = props.get("sso_region");
        AwsConfigDocument doc = AwsConfigDocument.parse(config.text(), AwsFileKind.CONFIG);
        RecordingConfigEditor editor = new RecordingConfigEditor(doc, config.path().toString());
        ConfigSection section = editor.section(SectionType.PROFILE, profile);
        if (section == null || section.find(doc, "sso_start_url").isEmpty()
                || section.find(doc, "sso_region").isEmpty()) {
            throw BedrockSetupException.local("profile '" + profile + "' in " + config.path()
                    + " is spelled in a way bedrock-setup cannot edit safely", "migrate it by hand");
        }
        List<String> notes = new ArrayList<>();
        String session = useSession(config, editor, sessionNameIfNew, startUrl, ssoRegion, notes);
        editor.replaceKey(SectionType.PROFILE, profile, "sso_start_url", "sso_session", session);
        editor.removeKey(SectionType.PROFILE, profile, "sso_region");
        notes.add("profile '" + profile + "' now uses [sso-session " + session + "]: log in once more to get a "
                + "refreshable token (aws sso login --profile " + profile + ")");
        notes.addAll(StaticKeyShadowing.warnings(credentials, profile));
        return AwsConfigEdit.of(config, "migrate-sso-profile", profile, editor, doc, notes);
    }

    /** Plans {@code region = REGION} in an existing profile (rewritten in place, or added after its last key). */
    public static AwsConfigEdit planSetRegion(AwsSharedFile config, String profile, String region) {
        SsoInputValidation.profileName(profile);
        SsoInputValidation.region(region, "region");
        config.requireEditable();
        AwsConfigDocument doc = AwsConfigDocument.parse(config.text(), AwsFileKind.CONFIG);
        RecordingConfigEditor editor = new RecordingConfigEditor(doc, config.path().toString());
        if (editor.section(SectionType.PROFILE, profile) == null) {
            throw BedrockSetupException.usage("no profile '" + profile + "' in " + config.path(),
                    "create it first, or check the name with: aws configure list-profiles");
        }
        editor.setKey(SectionType.PROFILE, profile, "region", region);
        return AwsConfigEdit.of(config, "set-region", profile, editor, doc, new ArrayList<>());
    }

    /**
     * The session to use: {@code wanted} when it exists with the same start URL and region, else any session with the
     * same start URL and region, else a new {@code [sso-session wanted]} (refused when that name is taken by another
     * portal). A reused session without registration scopes gets them (without them the token cannot be refreshed).
     */
    private static String useSession(AwsSharedFile config, RecordingConfigEditor editor, String wanted,
            String startUrl, String ssoRegion, List<String> notes) {
        boolean wantedExists = editor.section(SectionType.SSO_SESSION, wanted) != null;
        String reuse = null;
        if (wantedExists && sameSession(config, wanted, startUrl, ssoRegion)) {
            reuse = wanted;
        } else {
            for (ConfigSection s : config.document().sections()) {
                String name = s.name().name();
                if (s.name().type() == SectionType.SSO_SESSION && s.name().isPortable(AwsFileKind.CONFIG)
                        && name.matches("[A-Za-z0-9_.-]+") && sameSession(config, name, startUrl, ssoRegion)
                        && editor.section(SectionType.SSO_SESSION, name) != null) {
                    reuse = name;
                    break;
                }
            }
        }
        if (reuse == null && wantedExists) {
            throw BedrockSetupException.usage("[sso-session " + wanted + "] already exists in " + config.path()
                            + " with another start URL or SSO region",
                    "choose another sso-session name, or use the start URL and region it has");
        }
        if (reuse == null) {
            editor.appendSection(SectionType.SSO_SESSION, wanted, List.of(
                    new String[] {"sso_start_url", startUrl},
                    new String[] {"sso_region", ssoRegion},
                    new String[] {"sso_registration_scopes", SCOPES}));
            return wanted;
        }
        notes.add("reusing [sso-session " + reuse + "] (same start URL and SSO region)");
        Map<String, String> p = config.sdk().ssoSession(reuse).orElse(Map.of());
        if (!p.containsKey("sso_registration_scopes")) {
            editor.setKey(SectionType.SSO_SESSION, reuse, "sso_registration_scopes", SCOPES);
            notes.add("[sso-session " + reuse + "] gets sso_registration_scopes = " + SCOPES
                    + " so that its token can be refreshed");
        }
        return reuse;
    }

    /**
     * The [sso-session] a new profile for this portal will use, by the same rule as {@link #planCreate}: {@code wanted}
     * when it points at this start URL and region, else another session that does, else {@code wanted}. A login must
     * cache its token under this name, where the SDKs (and Claude Code) will look for it.
     */
    public static String sessionToUse(AwsSharedFile config, String wanted, String startUrl, String ssoRegion) {
        if (config.sdk().ssoSession(wanted).isPresent()) {
            return wanted;
        }
        for (ConfigSection s : config.document().sections()) {
            String name = s.name().name();
            if (s.name().type() == SectionType.SSO_SESSION && s.name().isPortable(AwsFileKind.CONFIG)
                    && name.matches("[A-Za-z0-9_.-]+") && sameSession(config, name, startUrl, ssoRegion)) {
                return name;
            }
        }
        return wanted;
    }

    private static boolean sameSession(AwsSharedFile config, String name, String startUrl, String ssoRegion) {
        Map<String, String> p = config.sdk().ssoSession(name).orElse(Map.of());
        return sameStartUrl(p.get("sso_start_url"), startUrl) && ssoRegion.equals(p.get("sso_region"));
    }

    /** Start URLs are the same portal when they differ only by a trailing "/" or "#/" (the console adds those). */
    static boolean sameStartUrl(String a, String b) {
        return a != null && b != null && normalize(a).equals(normalize(b));
    }

    private static String normalize(String url) {
        String u = url.strip();
        if (u.endsWith("#/")) {
            u = u.substring(0, u.length() - 2);
        }
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
