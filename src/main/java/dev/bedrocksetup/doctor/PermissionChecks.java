package dev.bedrocksetup.doctor;

import dev.bedrocksetup.core.WorldWritable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The directories that hold Claude Code's settings and AWS's credentials and tokens are the user's alone. */
final class PermissionChecks {
    private PermissionChecks() {}

    static final String GROUP = "File permissions";

    static List<Check> all() {
        return List.of(new Check("permissions.world-writable", GROUP, "No settings or token directory is world-writable",
                "any user of the machine can read or replace your settings, SSO tokens or keys", false,
                PermissionChecks::worldWritable));
    }

    /** ~/.claude (or CLAUDE_CONFIG_DIR), ~/.aws, ~/.aws/sso and ~/.aws/sso/cache, and the directories of moved files. */
    static Set<Path> directories(DoctorInputs in) {
        Set<Path> dirs = new LinkedHashSet<>();
        dirs.add(in.locations.userConfigDir());
        Path aws = in.env.home().resolve(".aws");
        dirs.add(aws);
        dirs.add(aws.resolve("sso"));
        dirs.add(aws.resolve("sso").resolve("cache"));
        dev.bedrocksetup.awsconfig.AwsFileLocations files = new dev.bedrocksetup.awsconfig.AwsFileLocations(in.env);
        dirs.add(files.configFile().toAbsolutePath().getParent());
        dirs.add(files.credentialsFile().toAbsolutePath().getParent());
        return dirs;
    }

    static Finding worldWritable(Check c, DoctorInputs in) {
        List<String> open = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        for (Path d : directories(in)) {
            String mode = WorldWritable.mode(d);
            if (mode != null) {
                open.add(d + " (" + mode + ")");
                fixes.add(d.toString());
            }
        }
        if (open.isEmpty()) {
            return c.ok("none is writable by other users");
        }
        return c.warn(String.join(", ", open) + " can be written by every user of this machine: they can replace "
                + "settings and tokens there; bedrock-setup writes no token or key into such a directory",
                "chmod o-w " + String.join(" ", fixes));
    }
}
