package dev.bedrocksetup.awsconfig;

import java.util.Map;
import java.util.Set;

/**
 * One planned edit of one file, with what it is meant to do: the profile it changes (keys added or set, keys removed)
 * and the session it uses (its expected start URL and region). {@code edit} is null when the plan was refused.
 */
record EditCase(String name, String before, AwsConfigEdit edit, String profile, Map<String, String> profileSets,
        Set<String> profileRemovals, String session, String sessionStartUrl, String sessionRegion) {

    String after() {
        return edit.change().after();
    }

    @Override
    public String toString() {
        return name;
    }
}
