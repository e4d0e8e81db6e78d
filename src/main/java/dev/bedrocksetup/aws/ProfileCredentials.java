package dev.bedrocksetup.aws;

import dev.bedrocksetup.core.Environment;

/**
 * Forwards to {@link dev.bedrocksetup.credentials.ProfileCredentials}, which moved out of aws so that aws (the SDK
 * clients) sits below sso and the credentials of a profile (which use sso) sit above both.
 *
 * @deprecated kept only so wizard/Wizard and cli/InitCommand (the engine branch's files) compile; once engine is
 *     merged they name credentials.ProfileCredentials, this class goes, and so does its entry in LayersTest's
 *     allow-list.
 */
@Deprecated
public final class ProfileCredentials extends dev.bedrocksetup.credentials.ProfileCredentials {
    public ProfileCredentials(Environment env) {
        super(env);
    }
}
