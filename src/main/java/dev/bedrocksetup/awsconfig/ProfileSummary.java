package dev.bedrocksetup.awsconfig;

import java.util.List;

/**
 * One profile as listed: name, kind, state, a non-secret detail (the session, the role's source, where static keys
 * live), the file and line that define it, and the problems found. Holds no credential values.
 */
public record ProfileSummary(String name, ProfileKind kind, ProfileState state, String detail, AwsFileKind file,
        int line, List<String> problems) {

    public ProfileSummary {
        problems = List.copyOf(problems);
    }
}
