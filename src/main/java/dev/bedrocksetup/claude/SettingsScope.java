package dev.bedrocksetup.claude;

import java.util.Locale;

/** The Claude Code settings files bedrock-setup can write, with the modes new files and directories get. */
public enum SettingsScope {
    /** ~/.claude/settings.json (or $CLAUDE_CONFIG_DIR/settings.json): personal, may hold credential settings. */
    USER("rw-------", "rwx------"),
    /** &lt;project&gt;/.claude/settings.json: shared through version control. */
    PROJECT("rw-r--r--", "rwxr-xr-x"),
    /** &lt;project&gt;/.claude/settings.local.json: personal, not committed. */
    LOCAL("rw-------", "rwxr-xr-x"),
    /** The managed settings file: every user of the machine reads it. */
    MANAGED("rw-r--r--", "rwxr-xr-x");

    private final String fileMode;
    private final String dirMode;

    SettingsScope(String fileMode, String dirMode) {
        this.fileMode = fileMode;
        this.dirMode = dirMode;
    }

    public String fileMode() {
        return fileMode;
    }

    public String dirMode() {
        return dirMode;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SettingsScope fromLabel(String s) {
        for (SettingsScope v : values()) {
            if (v.label().equals(s)) {
                return v;
            }
        }
        return null;
    }
}
