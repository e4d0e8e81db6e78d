package dev.bedrocksetup.awsconfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lists the profiles of ~/.aws/config and ~/.aws/credentials with their kind and state. Meaning comes from the AWS
 * SDK for Java's parser; the document adds what the SDK hides: duplicate or differently spelled sections, headers the
 * JavaScript SDK drops, names the Java SDK drops, and files the AWS CLI refuses as a whole.
 */
public final class ProfileCatalog {
    private ProfileCatalog() {}

    /** Every profile of both files, config first, in file order. {@code credentials} may be null. */
    public static List<ProfileSummary> list(AwsSharedFile config, AwsSharedFile credentials) {
        Set<String> names = new LinkedHashSet<>();
        addNames(config, names);
        addNames(credentials, names);
        List<ProfileSummary> out = new ArrayList<>();
        for (String name : names) {
            out.add(summarize(name, config, credentials));
        }
        return out;
    }

    private static void addNames(AwsSharedFile f, Set<String> names) {
        if (f == null) {
            return;
        }
        for (ConfigSection s : f.document().sections()) {
            if (s.name().type() == SectionType.PROFILE) {
                names.add(s.name().name());
            }
        }
    }

    private static ProfileSummary summarize(String name, AwsSharedFile config, AwsSharedFile credentials) {
        List<String> problems = new ArrayList<>();
        boolean broken = false;
        boolean warn = false;
        Map<String, String> props = new LinkedHashMap<>();
        AwsFileKind file = null;
        int line = 0;
        boolean keysInCredentials = false;
        for (AwsSharedFile f : new AwsSharedFile[] {config, credentials}) {
            if (f == null) {
                continue;
            }
            List<ConfigSection> sections = f.document().sections(SectionType.PROFILE, name);
            if (sections.isEmpty()) {
                continue;
            }
            if (file == null) {
                file = f.kind();
                line = sections.get(0).lineNumber();
            }
            String label = f.kind().label();
            for (ConfigProblem p : f.blockingProblems()) {
                problems.add("the " + p.describe(label + " file") + (p.severity() == ConfigProblem.Severity.BLOCKING
                        ? " (an AWS tool cannot read the whole file)" : ""));
                broken = true;
            }
            if (sections.size() > 1) {
                boolean same = sectionsAgree(f.document(), sections);
                problems.add("defined " + sections.size() + " times in the " + label + " file (lines "
                        + lineList(sections) + ")" + (same ? "" : " with different values: the AWS CLI uses the "
                        + "last, the Java SDK merges them, Claude Code may pick another"));
                broken |= !same;
                warn = true;
            }
            for (ConfigSection s : sections) {
                for (ConfigProblem p : f.problems()) {
                    if (!p.blocking() && p.line() == s.lineNumber()) {
                        problems.add(p.describe(label + " file"));
                        broken = true; // a reader drops this section
                    }
                }
            }
            Map<String, String> fromFile = f.sdk().readable()
                    ? f.sdk().profile(name).orElse(Map.of())
                    : documentProperties(f.document(), sections);
            if (f.kind() == AwsFileKind.CREDENTIALS && fromFile.containsKey("aws_access_key_id")) {
                keysInCredentials = true;
            }
            props.putAll(fromFile); // credentials after config: the SDK lets the credentials file win
        }
        ProfileKind kind = kindOf(props);
        String detail = null;
        switch (kind) {
            case SSO_SESSION -> {
                String session = props.get("sso_session");
                detail = "sso-session " + session;
                Map<String, String> s = config == null ? null : config.sdk().ssoSession(session).orElse(null);
                if (s == null) {
                    problems.add("sso_session refers to [sso-session " + session + "], which is not in the config file");
                    broken = true;
                } else if (inconsistent(props, s, "sso_start_url") || inconsistent(props, s, "sso_region")) {
                    problems.add("sso_start_url or sso_region in the profile differ from [sso-session " + session
                            + "]: the SDKs refuse that");
                    broken = true;
                }
            }
            case LEGACY_SSO -> {
                detail = "legacy SSO (no sso-session)";
                problems.add("legacy SSO profile: its token cannot be refreshed (about 8 hours); migrate it to an "
                        + "sso-session");
                warn = true;
            }
            case ASSUME_ROLE -> {
                String source = props.get("source_profile");
                detail = source != null ? "source_profile " + source
                        : "credential_source " + props.getOrDefault("credential_source", "(none)");
                if (source != null && !source.equals(name) && !profileExists(source, config, credentials)) {
                    problems.add("source_profile '" + source + "' does not exist");
                    broken = true;
                }
            }
            case STATIC_KEYS -> detail = keysInCredentials ? "keys in the credentials file" : "keys in the config file";
            default -> { }
        }
        if ((kind == ProfileKind.SSO_SESSION || kind == ProfileKind.LEGACY_SSO)
                && StaticKeyShadowing.shadows(credentials, name)) {
            problems.add("the credentials file holds static keys for this name: Claude Code (the JavaScript SDK) uses "
                    + "them instead of SSO");
            warn = true;
        }
        ProfileState state = broken ? ProfileState.BROKEN : warn ? ProfileState.WARNING : ProfileState.OK;
        return new ProfileSummary(name, kind, state, detail, file, line, problems);
    }

    static ProfileKind kindOf(Map<String, String> p) {
        if (p.containsKey("role_arn") && p.containsKey("web_identity_token_file")) {
            return ProfileKind.WEB_IDENTITY;
        }
        if (p.containsKey("sso_session")) {
            return ProfileKind.SSO_SESSION;
        }
        if (p.containsKey("sso_start_url") || p.containsKey("sso_account_id") || p.containsKey("sso_role_name")
                || p.containsKey("sso_region")) {
            return ProfileKind.LEGACY_SSO;
        }
        if (p.containsKey("role_arn")) {
            return ProfileKind.ASSUME_ROLE;
        }
        if (p.containsKey("credential_process")) {
            return ProfileKind.CREDENTIAL_PROCESS;
        }
        if (p.containsKey("aws_access_key_id")) {
            return ProfileKind.STATIC_KEYS;
        }
        return ProfileKind.NO_CREDENTIALS;
    }

    private static boolean inconsistent(Map<String, String> profile, Map<String, String> session, String key) {
        return profile.containsKey(key) && !Objects.equals(profile.get(key), session.get(key));
    }

    private static boolean profileExists(String name, AwsSharedFile config, AwsSharedFile credentials) {
        return (config != null && !config.document().sections(SectionType.PROFILE, name).isEmpty())
                || (credentials != null && !credentials.document().sections(SectionType.PROFILE, name).isEmpty());
    }

    private static boolean sectionsAgree(AwsConfigDocument doc, List<ConfigSection> sections) {
        Map<String, String> first = documentProperties(doc, List.of(sections.get(0)));
        for (ConfigSection s : sections) {
            if (!first.equals(documentProperties(doc, List.of(s)))) {
                return false;
            }
        }
        return true;
    }

    /** Key to first-line value, from the lines themselves (used when the SDK cannot read the file). */
    static Map<String, String> documentProperties(AwsConfigDocument doc, List<ConfigSection> sections) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ConfigSection s : sections) {
            for (PropertySpan p : s.properties(doc)) {
                if (p.key() != null) {
                    out.put(p.key(), doc.line(p.start()).value());
                }
            }
        }
        return out;
    }

    private static String lineList(List<ConfigSection> sections) {
        StringBuilder sb = new StringBuilder();
        for (ConfigSection s : sections) {
            sb.append(sb.length() == 0 ? "" : ", ").append(s.lineNumber());
        }
        return sb.toString();
    }
}
