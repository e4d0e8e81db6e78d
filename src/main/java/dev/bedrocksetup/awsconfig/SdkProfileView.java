package dev.bedrocksetup.awsconfig;

import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.profiles.Profile;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * What the AWS SDK for Java makes of a file, through its own parser ({@link ProfileFile}): this is where the meaning of
 * a profile comes from, so we never disagree with an SDK about it. A file the SDK refuses is recorded as unreadable
 * with the SDK's message (which names a line, never a value).
 */
public final class SdkProfileView {
    private final ProfileFile file;
    private final String failure;

    private SdkProfileView(ProfileFile file, String failure) {
        this.file = file;
        this.failure = failure;
    }

    public static SdkProfileView read(String text, AwsFileKind kind) {
        String t = text == null ? "" : text;
        try {
            ProfileFile pf = ProfileFile.builder()
                    .content(new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)))
                    .type(kind == AwsFileKind.CONFIG ? ProfileFile.Type.CONFIGURATION : ProfileFile.Type.CREDENTIALS)
                    .build();
            return new SdkProfileView(pf, null);
        } catch (RuntimeException e) {
            return new SdkProfileView(null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    public boolean readable() {
        return file != null;
    }

    /** The SDK's reason for refusing the file, or null. */
    public String failure() {
        return failure;
    }

    /** Profile name to properties (empty when unreadable). */
    public Map<String, Map<String, String>> profiles() {
        if (file == null) {
            return Collections.emptyMap();
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Profile> e : file.profiles().entrySet()) {
            out.put(e.getKey(), e.getValue().properties());
        }
        return out;
    }

    public Optional<Map<String, String>> profile(String name) {
        return file == null ? Optional.empty() : file.profile(name).map(Profile::properties);
    }

    public Optional<Map<String, String>> ssoSession(String name) {
        return section("sso-session", name);
    }

    public Optional<Map<String, String>> services(String name) {
        return section("services", name);
    }

    private Optional<Map<String, String>> section(String type, String name) {
        return file == null ? Optional.empty() : file.getSection(type, name).map(Profile::properties);
    }
}
