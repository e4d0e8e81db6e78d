package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.BedrockSetupException;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans a new profile with an IAM user's keys, as `aws configure` lays it out: {@code [NAME]} with
 * aws_access_key_id and aws_secret_access_key in ~/.aws/credentials, {@code [profile NAME]} with the region in
 * ~/.aws/config. A name either file already uses is refused: replacing someone's keys could not be undone without
 * keeping the old secret in the journal (docs/decisions/0034).
 */
public final class StaticKeysEditor {
    private StaticKeysEditor() {}

    /** The two edits, credentials first; both files must be readable by every AWS tool (else exit 3). */
    public static List<AwsConfigEdit> planCreate(AwsSharedFile config, AwsSharedFile credentials,
            StaticKeysRequest request) {
        StaticKeysRequest req = request.validated();
        credentials.requireEditable();
        config.requireEditable();
        String taken = takenIn(req.profileName(), config, credentials);
        if (taken != null) {
            throw BedrockSetupException.usage("profile '" + req.profileName() + "' already exists in " + taken
                    + "; bedrock-setup does not replace existing keys", "choose another profile name (--profile)");
        }
        AwsConfigDocument keysDoc = AwsConfigDocument.parse(credentials.text(), AwsFileKind.CREDENTIALS);
        RecordingConfigEditor keys = new RecordingConfigEditor(keysDoc, credentials.path().toString());
        keys.appendSection(SectionType.PROFILE, req.profileName(), List.of(
                new String[] {"aws_access_key_id", req.accessKeyId()},
                new String[] {"aws_secret_access_key", req.secretAccessKey()}));
        AwsConfigDocument configDoc = AwsConfigDocument.parse(config.text(), AwsFileKind.CONFIG);
        RecordingConfigEditor profile = new RecordingConfigEditor(configDoc, config.path().toString());
        profile.appendSection(SectionType.PROFILE, req.profileName(), List.<String[]>of(
                new String[] {"region", req.region()}));
        return List.of(
                AwsConfigEdit.of(credentials, "create-static-keys-profile", req.profileName(), keys, keysDoc,
                        new ArrayList<>()).ownerOnly(),
                AwsConfigEdit.of(config, "create-static-keys-profile", req.profileName(), profile, configDoc,
                        new ArrayList<>()));
    }

    /** The file that has a profile of this name already (either spelling of its header), or null. */
    public static String takenIn(String name, AwsSharedFile config, AwsSharedFile credentials) {
        if (!config.document().sections(SectionType.PROFILE, name).isEmpty()) {
            return config.path().toString();
        }
        if (!credentials.document().sections(SectionType.PROFILE, name).isEmpty()) {
            return credentials.path().toString();
        }
        return null;
    }
}
