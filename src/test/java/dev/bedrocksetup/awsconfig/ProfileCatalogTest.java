package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProfileCatalogTest {
    private static final Path CONFIG = Path.of("/home/u/.aws/config");
    private static final Path CREDENTIALS = Path.of("/home/u/.aws/credentials");

    private static String corpus(String name) {
        return Corpus.all().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow().text();
    }

    private static Map<String, ProfileSummary> list(String configFile, String credentialsFile) {
        AwsSharedFile config = AwsSharedFile.of(CONFIG, AwsFileKind.CONFIG,
                configFile == null ? null : corpus(configFile));
        AwsSharedFile creds = AwsSharedFile.of(CREDENTIALS, AwsFileKind.CREDENTIALS,
                credentialsFile == null ? null : corpus(credentialsFile));
        return ProfileCatalog.list(config, creds).stream()
                .collect(Collectors.toMap(ProfileSummary::name, Function.identity()));
    }

    @Test
    void kindsComeFromTheSdkReading() {
        Map<String, ProfileSummary> p = list("19-assume-role.config", "46-basic.credentials");
        assertEquals(ProfileKind.NO_CREDENTIALS, list("04-simple-default.config", null).get("default").kind());
        assertEquals(ProfileKind.STATIC_KEYS, p.get("default").kind()); // region in config, keys in credentials
        assertEquals("keys in the credentials file", p.get("default").detail());
        assertEquals(ProfileKind.CREDENTIAL_PROCESS, p.get("base").kind());
        assertEquals(ProfileKind.ASSUME_ROLE, p.get("admin").kind());
        assertEquals("source_profile base", p.get("admin").detail());
        assertEquals("credential_source Ec2InstanceMetadata", p.get("ec2role").detail());
        assertEquals(ProfileKind.STATIC_KEYS, p.get("other").kind());
        assertEquals(AwsFileKind.CREDENTIALS, p.get("other").file());
        assertEquals(ProfileKind.WEB_IDENTITY, list("21-web-identity.config", null).get("web").kind());
        assertEquals("keys in the config file", list("22-static-keys-in-config.config", null).get("keys").detail());
        ProfileSummary legacy = list("16-legacy-sso.config", null).get("legacy");
        assertEquals(ProfileKind.LEGACY_SSO, legacy.kind());
        assertEquals(ProfileState.WARNING, legacy.state());
        ProfileSummary modern = list("17-sso-session.config", null).get("modern");
        assertEquals(ProfileKind.SSO_SESSION, modern.kind());
        assertEquals(ProfileState.OK, modern.state());
        assertEquals("sso-session my-sso", modern.detail());
    }

    @Test
    void brokenProfilesSayWhy() {
        ProfileSummary orphan = list("18-missing-session.config", null).get("orphan");
        assertEquals(ProfileState.BROKEN, orphan.state());
        assertTrue(orphan.problems().get(0).contains("[sso-session nowhere]"), orphan.problems().toString());

        ProfileSummary def = list("12-profile-default-inconsistent.config", null).get("default");
        assertEquals(ProfileState.BROKEN, def.state());
        assertTrue(def.problems().stream().anyMatch(s -> s.contains("defined 2 times") && s.contains("different")));
        assertEquals(ProfileState.WARNING, list("11-profile-default-and-default.config", null).get("default").state());

        Map<String, ProfileSummary> dup = list("24-duplicate-section.config", null);
        assertEquals(ProfileState.BROKEN, dup.get("twice").state());
        assertEquals(ProfileState.BROKEN, dup.get("other").state()); // the CLI refuses the whole file
        assertTrue(dup.get("other").problems().get(0).contains("line 7"), dup.get("other").problems().toString());

        Map<String, ProfileSummary> names = list("13-quoted-names.config", null);
        assertEquals(ProfileState.BROKEN, names.get("spaced name").state());
        assertEquals(ProfileState.OK, names.get("plain").state());
        assertEquals(ProfileState.BROKEN, list("14-two-spaces-header.config", null).get("doublespace").state());
    }

    @Test
    void staticKeysUnderAnSsoProfilesNameAreFlagged() {
        ProfileSummary modern = list("17-sso-session.config", "49-sso-shadow.credentials").get("modern");
        // the Java SDK picks SSO first; the JavaScript SDK (Claude Code) would pick the static keys: a warning
        assertEquals(ProfileKind.SSO_SESSION, modern.kind());
        assertEquals(ProfileState.WARNING, modern.state());
        assertTrue(modern.problems().stream().anyMatch(s -> s.contains("Claude Code")), modern.problems().toString());
        assertTrue(StaticKeyShadowing.shadows(AwsSharedFile.of(CREDENTIALS, AwsFileKind.CREDENTIALS,
                corpus("49-sso-shadow.credentials")), "modern"));
        assertEquals(List.of(), StaticKeyShadowing.warnings(null, "modern"));
    }

    @Test
    void defaultIsListedAndOrderFollowsTheFiles() {
        List<ProfileSummary> all = ProfileCatalog.list(AwsSharedFile.of(CONFIG, AwsFileKind.CONFIG,
                corpus("19-assume-role.config")), null);
        assertEquals(List.of("default", "base", "admin", "ec2role"), all.stream().map(ProfileSummary::name).toList());
    }
}
