package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.testing.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans the edits the differential tests run on a file: create (new name, and over existing names), migrate every
 * legacy profile, set the region of existing profiles. Each attempt ends as an {@link EditCase} or a refusal.
 */
final class EditPlans {
    static final String URL = Examples.START_URL;
    static final String ACCOUNT = Examples.ACCOUNT;
    static final Path CONFIG = Path.of("/home/user/.aws/config");

    record Refusal(String name, String before, int exitCode, String message) { }

    final List<EditCase> cases = new ArrayList<>();
    final List<Refusal> refusals = new ArrayList<>();

    void planAll(String fileName, String text, int maxPerKind) {
        AwsSharedFile file = AwsSharedFile.of(CONFIG, AwsFileKind.CONFIG, text);
        List<String> names = new ArrayList<>();
        for (ConfigSection s : file.document().sections()) {
            if (s.name().type() == SectionType.PROFILE && !names.contains(s.name().name())) {
                names.add(s.name().name());
            }
        }
        create(fileName, file, "bedrock", "bedrock-sso");
        create(fileName, file, "bedrock", "corp"); // 'corp' exists in some files: reuse or refuse
        for (String n : names.subList(0, Math.min(maxPerKind, names.size()))) {
            create(fileName, file, n, "bedrock-sso");
            setRegion(fileName, file, n);
        }
        for (Map.Entry<String, Map<String, String>> p : file.sdk().profiles().entrySet()) {
            if (p.getValue().containsKey("sso_start_url") && !p.getValue().containsKey("sso_session")) {
                migrate(fileName, file, p.getKey());
            }
        }
    }

    void create(String fileName, AwsSharedFile file, String profile, String session) {
        String name = fileName + " create " + profile + "/" + session;
        SsoProfileRequest req = new SsoProfileRequest(profile, session, URL, "us-east-1", ACCOUNT, "BedrockUser",
                "us-west-2");
        try {
            AwsConfigEdit edit = SsoProfileEditor.planCreate(file, null, req);
            Map<String, String> sets = new LinkedHashMap<>();
            String used = sessionUsed(file, session, URL, "us-east-1");
            sets.put("sso_session", used);
            sets.put("sso_account_id", ACCOUNT);
            sets.put("sso_role_name", "BedrockUser");
            sets.put("region", "us-west-2");
            cases.add(new EditCase(name, file.text(), edit, profile, sets, Set.of(), used, URL, "us-east-1"));
        } catch (BedrockSetupException e) {
            refusals.add(new Refusal(name, file.text(), e.exitCode(), e.getMessage()));
        }
    }

    void migrate(String fileName, AwsSharedFile file, String profile) {
        String name = fileName + " migrate " + profile;
        try {
            AwsConfigEdit edit = SsoProfileEditor.planMigrate(file, null, profile, "migrated-sso");
            Map<String, String> p = file.sdk().profile(profile).orElseThrow();
            String url = p.get("sso_start_url");
            String region = p.get("sso_region");
            String used = sessionUsed(file, "migrated-sso", url, region);
            cases.add(new EditCase(name, file.text(), edit, profile, Map.of("sso_session", used),
                    Set.of("sso_start_url", "sso_region"), used, url, region));
        } catch (BedrockSetupException e) {
            refusals.add(new Refusal(name, file.text(), e.exitCode(), e.getMessage()));
        }
    }

    void setRegion(String fileName, AwsSharedFile file, String profile) {
        String name = fileName + " set-region " + profile;
        try {
            AwsConfigEdit edit = SsoProfileEditor.planSetRegion(file, profile, "ap-southeast-2");
            cases.add(new EditCase(name, file.text(), edit, profile, Map.of("region", "ap-southeast-2"), Set.of(),
                    null, null, null));
        } catch (BedrockSetupException e) {
            refusals.add(new Refusal(name, file.text(), e.exitCode(), e.getMessage()));
        }
    }

    /** The oracle for session reuse: the named session if it is the same portal, else the first that is, else new. */
    private static String sessionUsed(AwsSharedFile file, String wanted, String url, String region) {
        if (samePortal(file, wanted, url, region)) {
            return wanted;
        }
        for (ConfigSection s : file.document().sections()) {
            if (s.name().type() == SectionType.SSO_SESSION && s.name().name().matches("[A-Za-z0-9_.-]+")
                    && s.name().isPortable(AwsFileKind.CONFIG) && samePortal(file, s.name().name(), url, region)) {
                return s.name().name();
            }
        }
        return wanted;
    }

    private static boolean samePortal(AwsSharedFile file, String session, String url, String region) {
        Map<String, String> p = file.sdk().ssoSession(session).orElse(Map.of());
        return SsoProfileEditor.sameStartUrl(p.get("sso_start_url"), url) && region.equals(p.get("sso_region"));
    }
}
