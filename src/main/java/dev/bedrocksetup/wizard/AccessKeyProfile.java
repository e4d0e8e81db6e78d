package dev.bedrocksetup.wizard;

import dev.bedrocksetup.awsconfig.AccessKeyInput;
import dev.bedrocksetup.awsconfig.AwsFileKind;
import dev.bedrocksetup.awsconfig.SsoInputValidation;
import dev.bedrocksetup.awsconfig.StaticKeysEditor;
import dev.bedrocksetup.awsconfig.StaticKeysRequest;
import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.setup.AccessKeyCheck;

/**
 * A new profile with an IAM user's access key: its name (never one that exists), the key ID, the secret (masked,
 * never kept for Esc), then STS says whose the keys are before anything is written; a refusal is said in one line and
 * the keys are asked again. The files are written at the review, with everything else.
 */
final class AccessKeyProfile {
    static final String CHOICE = "Enter an access key (IAM user)";
    private static final String NAME_QUESTION = "Profile name";
    private static final String KEY_ID_QUESTION = "Access key ID";

    void run(WizardState s) {
        s.ask.say("  IAM Identity Center is the better choice where available: an IAM user's keys never expire.");
        String name = givenName(s);
        if (name == null) {
            name = s.ask.text(NAME_QUESTION, freeName(s, "bedrock"), v -> nameProblem(s, v));
        }
        String givenId = s.given("access-key-id", KEY_ID_QUESTION);
        if (givenId != null) {
            AccessKeyInput.keyId(givenId, "--access-key-id");
        }
        String region = s.request.string("region").answered() ? s.request.string("region").value() : "us-east-1";
        String keyId = givenId;
        while (true) {
            if (keyId == null) {
                keyId = s.ask.text(KEY_ID_QUESTION, null, AccessKeyInput::keyIdProblem);
            }
            String secret = s.ask.secret("Secret access key", AccessKeyInput::secretProblem);
            try {
                AccessKeyCheck.Identity id = AccessKeyCheck.identity(s.env, keyId, secret, region);
                s.ask.say(s.marks.check() + " Identity: " + id.shown());
                s.accessKeys = new StaticKeysRequest(name, keyId, secret, null);
                break;
            } catch (BedrockSetupException e) {
                s.ask.say("! " + e.getMessage() + "; enter the keys again (Esc goes back)");
                keyId = givenId;
            }
        }
        s.profile = name;
        s.sso = false;
    }

    /** The name --profile or the preset gave, when it is free; else null (said why), and the name is asked. */
    private static String givenName(WizardState s) {
        if (!s.request.given("profile").answered()) {
            return null;
        }
        String problem = nameProblem(s, s.request.given("profile").value().toString());
        if (problem != null) {
            s.ask.say("! " + problem);
            return null;
        }
        return s.given("profile", NAME_QUESTION);
    }

    private static String nameProblem(WizardState s, String name) {
        String invalid = NewSsoProfile.valid(() -> SsoInputValidation.profileName(name));
        if (invalid != null) {
            return invalid;
        }
        String taken = StaticKeysEditor.takenIn(name, s.config.read(AwsFileKind.CONFIG),
                s.config.read(AwsFileKind.CREDENTIALS));
        return taken == null ? null : "profile '" + name + "' already exists in " + taken + "; choose a new name "
                + "(bedrock-setup does not replace keys)";
    }

    /** {@code base}, or base-2, base-3…: the first name no profile has. */
    private static String freeName(WizardState s, String base) {
        String name = base;
        for (int i = 2; nameProblem(s, name) != null; i++) {
            name = base + "-" + i;
        }
        return name;
    }
}
