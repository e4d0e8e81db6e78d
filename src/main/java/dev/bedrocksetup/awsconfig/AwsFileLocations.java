package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.Environment;
import java.nio.file.Path;

/**
 * Where ~/.aws/config and ~/.aws/credentials are, resolved the way the SDKs resolve them: the AWS_CONFIG_FILE and
 * AWS_SHARED_CREDENTIALS_FILE variables win, a leading "~" means the home directory, and the home directory is the
 * one the injected environment resolved (HOME first, as the SDKs do).
 */
public final class AwsFileLocations {
    private final Environment env;

    public AwsFileLocations(Environment env) {
        this.env = env;
    }

    public Path configFile() {
        return locate("AWS_CONFIG_FILE", "config");
    }

    public Path credentialsFile() {
        return locate("AWS_SHARED_CREDENTIALS_FILE", "credentials");
    }

    public Path file(AwsFileKind kind) {
        return kind == AwsFileKind.CONFIG ? configFile() : credentialsFile();
    }

    private Path locate(String variable, String defaultName) {
        String override = env.nonBlank(variable);
        if (override == null) {
            return env.home().resolve(".aws").resolve(defaultName);
        }
        // the SDKs expand only a leading "~" followed by a separator (or alone); "~user" is left as written
        if (override.equals("~")) {
            return env.home();
        }
        if (override.startsWith("~/") || override.startsWith("~\\")) {
            return env.home().resolve(override.substring(2));
        }
        return env.workingDirectory().resolve(override).normalize();
    }
}
