package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.ChangeApplier;
import dev.bedrocksetup.fs.FileChange;
import dev.bedrocksetup.fs.TextFile;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The ~/.aws engine the commands call: list profiles, and create / migrate / set-region / undo through
 * {@code fs/ChangeApplier} (lock, re-read under the lock, plan, backup, journal, atomic write). With dryRun the plan
 * is returned and nothing is written; the caller shows {@link FileChange#diff()} either way.
 */
public final class AwsConfigService {
    private final Environment env;
    private final ChangeApplier applier;
    private final AwsFileLocations locations;

    public AwsConfigService(Environment env, ChangeApplier applier) {
        this.env = env;
        this.applier = applier;
        this.locations = new AwsFileLocations(env);
    }

    public AwsFileLocations locations() {
        return locations;
    }

    /** Reads one shared file as it is now (absent: a document with no text). */
    public AwsSharedFile read(AwsFileKind kind) {
        Path p = locations.file(kind);
        return AwsSharedFile.of(p, kind, TextFile.readOrNull(p));
    }

    /** Every profile of both files with kind, state and problems. */
    /** The sso-session name a new profile for this portal will use (an existing one for the same portal wins). */
    public String sessionToUse(String wanted, String startUrl, String ssoRegion) {
        return SsoProfileEditor.sessionToUse(read(AwsFileKind.CONFIG), wanted, startUrl, ssoRegion);
    }

    public List<ProfileSummary> listProfiles() {
        return ProfileCatalog.list(read(AwsFileKind.CONFIG), read(AwsFileKind.CREDENTIALS));
    }

    /**
     * As {@link #listProfiles}, for a command that will edit the files: refused first (exit 3, the file and its line)
     * when the AWS tools cannot all read them, instead of a list that leaves out what a broken line hides.
     */
    public List<ProfileSummary> listEditableProfiles() {
        AwsSharedFile config = read(AwsFileKind.CONFIG);
        AwsSharedFile credentials = read(AwsFileKind.CREDENTIALS);
        config.requireEditable();
        credentials.requireEditable();
        return ProfileCatalog.list(config, credentials);
    }

    public AwsConfigEdit createSsoProfile(SsoProfileRequest request, boolean dryRun) {
        return applyConfigEdit("init", config -> SsoProfileEditor.planCreate(config, read(AwsFileKind.CREDENTIALS),
                request), dryRun);
    }

    public AwsConfigEdit migrateLegacyProfile(String profile, String sessionNameIfNew, boolean dryRun) {
        return applyConfigEdit("migrate", config -> SsoProfileEditor.planMigrate(config,
                read(AwsFileKind.CREDENTIALS), profile, sessionNameIfNew), dryRun);
    }

    public AwsConfigEdit setRegion(String profile, String region, boolean dryRun) {
        return applyConfigEdit("set-region", config -> SsoProfileEditor.planSetRegion(config, profile, region),
                dryRun);
    }

    /**
     * Writes a new profile with an IAM user's keys: ~/.aws/credentials (made owner-only) and ~/.aws/config, as one
     * change with one journal entry per file, so `reset --remove-profile` takes both back. Returns both edits,
     * credentials first; the first carries the applied plan for {@link #takeBackIfFails}.
     */
    public List<AwsConfigEdit> createStaticKeysProfile(StaticKeysRequest request, boolean dryRun) {
        Path keysPath = locations.credentialsFile();
        Path configPath = locations.configFile();
        List<List<AwsConfigEdit>> result = new ArrayList<>();
        ChangeApplier.Plan applied = applier.apply(List.of(keysPath, configPath), current -> {
            List<AwsConfigEdit> edits = StaticKeysEditor.planCreate(
                    AwsSharedFile.of(configPath, AwsFileKind.CONFIG, current.get(configPath)),
                    AwsSharedFile.of(keysPath, AwsFileKind.CREDENTIALS, current.get(keysPath)), request);
            result.clear();
            result.add(edits);
            List<FileChange> changes = new ArrayList<>();
            List<Map<String, Object>> entries = new ArrayList<>();
            for (AwsConfigEdit e : edits) {
                changes.add(e.change());
                entries.add(e.change().journalEntry());
            }
            return new ChangeApplier.Plan(changes, sets -> {
                Map<String, Object> set = changeSet("init", entries.get(0));
                set.put("files", new ArrayList<>(entries));
                sets.add(set);
                return sets;
            });
        }, dryRun);
        List<AwsConfigEdit> edits = result.get(0);
        if (!dryRun) {
            edits.get(0).applied = applied;
        }
        return edits;
    }

    /** A note when ~/.aws/credentials exists with a mode wider than owner-only: writing keys there tightens it. */
    public String credentialsModeNote() {
        Path p = locations.credentialsFile();
        try {
            java.util.Set<java.nio.file.attribute.PosixFilePermission> perms = java.nio.file.Files
                    .getPosixFilePermissions(p);
            String mode = java.nio.file.attribute.PosixFilePermissions.toString(perms);
            return mode.equals(AwsConfigEdit.NEW_FILE_MODE) ? null : p + " is " + mode + " (others can read it); "
                    + "it becomes " + AwsConfigEdit.NEW_FILE_MODE + " when the keys are written, as the AWS CLI "
                    + "keeps it";
        } catch (java.io.IOException | UnsupportedOperationException e) {
            return null; // absent (created owner-only) or not a POSIX file system
        }
    }

    private AwsConfigEdit applyConfigEdit(String command, Function<AwsSharedFile, AwsConfigEdit> planner,
            boolean dryRun) {
        Path path = locations.configFile();
        AwsConfigEdit[] result = new AwsConfigEdit[1];
        ChangeApplier.Plan applied = applier.apply(List.of(path), current -> {
            AwsConfigEdit edit = planner.apply(AwsSharedFile.of(path, AwsFileKind.CONFIG, current.get(path)));
            result[0] = edit;
            Map<String, Object> entry = edit.change().journalEntry();
            return new ChangeApplier.Plan(List.of(edit.change()), entry == null ? null : sets -> {
                sets.add(changeSet(command, entry));
                return sets;
            });
        }, dryRun);
        if (!dryRun) {
            result[0].applied = applied;
        }
        return result[0];
    }

    /**
     * Runs {@code next}, a later write of the same command (Claude Code's settings after the profile); when it fails,
     * takes {@code earlier} back, so the command leaves all its files changed or none, and says so in the error.
     */
    public <T> T takeBackIfFails(AwsConfigEdit earlier, Supplier<T> next) {
        try {
            return next.get();
        } catch (BedrockSetupException e) {
            if (earlier == null || earlier.applied == null || !earlier.applied.wroteFiles()) {
                throw e;
            }
            Object profile = earlier.change().journalEntry() == null ? null
                    : earlier.change().journalEntry().get("profile");
            String what = earlier.path() + " (written by this run" + (profile == null ? "" : ", profile " + profile)
                    + ")";
            String outcome;
            try {
                List<String> changedSince = applier.undo(earlier.applied);
                outcome = changedSince.isEmpty() ? what + " was rolled back, so nothing was changed"
                        : what + " was changed by someone else meanwhile and is left as it is";
            } catch (BedrockSetupException undo) {
                outcome = what + " could not be rolled back (" + undo.getMessage() + "); undo it with: bedrock-setup "
                        + "reset --remove-profile";
            }
            throw new BedrockSetupException(e.exitCode(), e.getMessage() + "; " + outcome, e.fix(), e);
        }
    }

    /**
     * Undoes what the journal records for ~/.aws files, limited to entries passing {@code filter} (all:
     * {@code e -> true}; one profile: {@link AwsConfigReset#forProfile}); the undone entries leave the journal.
     */
    public List<AwsConfigReset.Result> reset(Predicate<Map<String, Object>> filter, boolean dryRun) {
        Map<Path, List<Map<String, Object>>> byFile = AwsConfigReset.entriesByFile(applier.journal().changeSets(),
                filter);
        List<AwsConfigReset.Result> results = new ArrayList<>();
        if (byFile.isEmpty()) {
            return results;
        }
        List<Path> paths = new ArrayList<>(byFile.keySet());
        applier.apply(paths, current -> {
            results.clear();
            // re-read the journal under the file locks: another process may have appended meanwhile
            Map<Path, List<Map<String, Object>>> fresh = AwsConfigReset.entriesByFile(
                    applier.journal().changeSets(), filter);
            List<FileChange> changes = new ArrayList<>();
            for (Path p : paths) {
                AwsConfigReset.Result r = AwsConfigReset.plan(p, current.get(p), fresh.getOrDefault(p, List.of()));
                results.add(r);
                changes.add(r.change());
            }
            return new ChangeApplier.Plan(changes, sets -> dropEntries(sets, filter));
        }, dryRun);
        return results;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> dropEntries(List<Map<String, Object>> sets,
            Predicate<Map<String, Object>> filter) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> set : sets) {
            List<Map<String, Object>> keep = new ArrayList<>();
            for (Map<String, Object> f : (List<Map<String, Object>>) set.get("files")) {
                if (!(AwsConfigEdit.KIND.equals(f.get("kind")) && filter.test(f))) {
                    keep.add(f);
                }
            }
            if (!keep.isEmpty()) {
                set.put("files", keep);
                out.add(set);
            }
        }
        return out;
    }

    private Map<String, Object> changeSet(String command, Map<String, Object> entry) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", UUID.randomUUID().toString());
        set.put("time", DateTimeFormatter.ISO_INSTANT.format(env.clock().instant()));
        set.put("command", command);
        set.put("files", new ArrayList<>(List.of(entry)));
        return set;
    }
}
