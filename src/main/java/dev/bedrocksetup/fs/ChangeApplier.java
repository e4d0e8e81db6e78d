package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Applies a plan: locks every file it touches, reads them, lets the caller plan against what is really there,
 * backs each file up, records the change in the journal as pending, writes each file atomically, then marks the
 * change committed (docs/decisions/0010). All files of a plan are written or none: when one fails, those already
 * written are put back and the journal edit is taken back. A command killed in the middle leaves a pending record
 * that the next writing command finishes (every file written) or rolls back ({@link #recover}).
 */
public final class ChangeApplier {
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(3);

    private final Path stateDir;
    private final AtomicFileWriter writer;
    private final ChangeJournal journal;
    private final Backups backups;
    private final Clock clock;
    private final Duration lockWait;
    private Consumer<String> notices = s -> { };

    public ChangeApplier(Path stateDir, AtomicFileWriter writer, Clock clock, Duration lockWait) {
        this.stateDir = stateDir;
        this.writer = writer;
        this.journal = new ChangeJournal(stateDir, writer);
        this.backups = new Backups(stateDir, writer);
        this.clock = clock;
        this.lockWait = lockWait;
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WRITES_BEGUN =
            new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Whether any change in this process has begun to be applied (not a dry run): until then no file was written
     * (a process stopped by a signal says "nothing was written" only then).
     */
    public static boolean writesBegun() {
        return WRITES_BEGUN.get();
    }

    /** Where to tell the user about an interrupted change that was finished or rolled back. */
    public ChangeApplier onNotice(Consumer<String> notices) {
        this.notices = notices;
        return this;
    }

    public ChangeJournal journal() {
        return journal;
    }

    /** What a planner gets: each locked file's current text (null when absent). */
    public interface Planner extends Function<Map<Path, String>, Plan> { }

    /** The planner's answer: the file changes, and how the journal changes with them. */
    public static final class Plan {
        private final List<FileChange> changes;
        private final UnaryOperator<List<Map<String, Object>>> journalEdit;
        private final boolean journalEvenIfNoFileChanges;
        private List<FileChange> written = List.of();
        private Map<String, Object> record;

        public Plan(List<FileChange> changes, UnaryOperator<List<Map<String, Object>>> journalEdit) {
            this(changes, journalEdit, false);
        }

        Plan(List<FileChange> changes, UnaryOperator<List<Map<String, Object>>> journalEdit, boolean always) {
            this.changes = changes;
            this.journalEdit = journalEdit;
            this.journalEvenIfNoFileChanges = always;
        }

        public List<FileChange> changes() {
            return changes;
        }

        public UnaryOperator<List<Map<String, Object>>> journalEdit() {
            return journalEdit;
        }

        /** True when applying it wrote at least one file (what {@link #undo} can take back). */
        public boolean wroteFiles() {
            return !written.isEmpty();
        }
    }

    /**
     * Locks {@code paths}, reads them, asks {@code planner} for the changes and applies them; returns the plan
     * applied. With {@code dryRun} nothing is written (and an interrupted change is left for a real run).
     */
    public Plan apply(List<Path> paths, Planner planner, boolean dryRun) {
        if (!dryRun) {
            WRITES_BEGUN.set(true);
            recover();
        }
        List<WriteLock> locks = dryRun ? new ArrayList<>() : lockAll(paths);
        try {
            Map<Path, String> current = new LinkedHashMap<>();
            for (Path p : paths) {
                current.put(p, TextFile.readOrNull(p));
            }
            Plan plan = planner.apply(current);
            if (dryRun) {
                return plan;
            }
            for (FileChange c : plan.changes()) {
                if (!current.containsKey(c.path())) {
                    throw new IllegalStateException("planned a file that was not locked: " + c.path());
                }
            }
            writeAll(plan);
            return plan;
        } finally {
            unlock(locks);
        }
    }

    /** Locks in a fixed order (by real path) so two processes never deadlock. */
    private List<WriteLock> lockAll(List<Path> paths) {
        TreeMap<String, Path> ordered = new TreeMap<>();
        for (Path p : paths) {
            ordered.put(realKey(p), p);
        }
        List<WriteLock> locks = new ArrayList<>();
        try {
            for (Map.Entry<String, Path> e : ordered.entrySet()) {
                locks.add(WriteLock.acquire(stateDir, e.getKey(), e.getValue().toString(), lockWait));
            }
        } catch (RuntimeException e) {
            unlock(locks);
            throw e;
        }
        return locks;
    }

    private static void unlock(List<WriteLock> locks) {
        for (int i = locks.size() - 1; i >= 0; i--) {
            locks.get(i).close();
        }
    }

    private void writeAll(Plan plan) {
        List<FileChange> real = new ArrayList<>();
        for (FileChange c : plan.changes()) {
            if (c.changesAnything()) {
                real.add(c);
            }
        }
        if (real.isEmpty()) {
            if (plan.journalEvenIfNoFileChanges && plan.journalEdit() != null) {
                journal.update(plan.journalEdit());
            }
            return;
        }
        Set<Path> needed = journal.referencedBackups();
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileChange c : real) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("path", c.path().toString());
            f.put("beforeSha256", TextFile.sha256(c.before()));
            f.put("afterSha256", TextFile.sha256(c.after()));
            if (c.before() != null) {
                Path backup = backUp(c, needed);
                needed.add(backup);
                f.put("backup", backup.toString());
                if (c.journalEntry() != null) {
                    c.journalEntry().put("backup", backup.toString());
                }
                if (c.after() != null && writesInPlace(c.path())) {
                    Path next = backups.saveNew(c.path(), c.after(), clock.instant(), needed);
                    needed.add(next);
                    f.put("inPlaceNew", next.toString());
                }
            }
            files.add(f);
        }
        Map<String, Object> record = journal.begin(files, plan.journalEdit());
        List<FileChange> done = new ArrayList<>();
        for (FileChange c : real) {
            try {
                write(c.path(), c.after(), c);
            } catch (BedrockSetupException e) {
                throw rollBackAfterFailure(record, real, done, c, e);
            }
            done.add(c);
        }
        journal.commit((String) record.get("id"));
        plan.written = done;
        plan.record = record;
    }

    /** A backup that cannot be saved stops the change before anything of it is written, and says so. */
    private Path backUp(FileChange c, Set<Path> needed) {
        try {
            return backups.save(c.path(), c.before(), clock.instant(), needed);
        } catch (BedrockSetupException e) {
            throw new BedrockSetupException(e.exitCode(), "could not save a backup of " + c.label()
                    + " before changing it, so it was not changed (" + e.getMessage() + ")", e.fix(), e);
        }
    }

    private static boolean writesInPlace(Path path) {
        try {
            Path target = AtomicFileWriter.resolveTarget(path);
            return RegularFile.check(target) != null && RegularFile.linkCount(target) > 1;
        } catch (java.io.IOException e) {
            return false; // the write itself reports it
        }
    }

    private void write(Path path, String text, FileChange c) {
        if (text == null) {
            writer.delete(path);
        } else {
            writer.write(path, text.getBytes(StandardCharsets.UTF_8), c.newFileMode(), c.newDirMode(),
                    c.requiredMode());
        }
    }

    /**
     * One file of a plan could not be written: puts back the ones written (and the failed one, should it have been
     * changed half-way), takes the journal edit back, and says what is true now.
     */
    private BedrockSetupException rollBackAfterFailure(Map<String, Object> record, List<FileChange> real,
            List<FileChange> done, FileChange failed, BedrockSetupException cause) {
        List<FileChange> touched = new ArrayList<>(done);
        touched.add(failed);
        List<String> rolledBack = new ArrayList<>();
        List<String> stuck = new ArrayList<>();
        for (int i = touched.size() - 1; i >= 0; i--) {
            FileChange c = touched.get(i);
            try {
                if (Objects.equals(TextFile.sha256(TextFile.bytesOrNull(c.path())), TextFile.sha256(c.before()))) {
                    continue;
                }
                write(c.path(), c.before(), c);
                rolledBack.add(c.label());
            } catch (BedrockSetupException e) {
                stuck.add(c.label());
            }
        }
        String message = cause.getMessage();
        if (stuck.isEmpty()) {
            try {
                journal.rollBack(record, Set.of());
            } catch (BedrockSetupException e) {
                // the record stays pending; the next command finds every file as before and drops it
            }
            if (!rolledBack.isEmpty()) {
                message += "; " + String.join(", ", rolledBack) + (rolledBack.size() == 1 ? " had been written and was"
                        : " had been written and were") + " rolled back, so nothing was changed";
            } else if (real.size() > 1) {
                message += "; nothing was changed";
            }
        } else {
            message += "; " + String.join(", ", stuck) + (stuck.size() == 1 ? " was" : " were")
                    + " already written and could not be put back; the next bedrock-setup command will retry";
        }
        return new BedrockSetupException(cause.exitCode(), message, cause.fix(), cause);
    }

    /**
     * Takes back a plan this process applied earlier (e.g. the AWS profile of an `init` whose settings could not be
     * written), as a change of its own: files still as the plan left them get their old content back, the journal
     * edit is taken back; a file changed since is left as it is and named in the answer.
     */
    public List<String> undo(Plan applied) {
        if (applied.record == null) {
            return List.of();
        }
        List<Path> paths = new ArrayList<>();
        for (FileChange c : applied.written) {
            paths.add(c.path());
        }
        List<String> changedSince = new ArrayList<>();
        apply(paths, current -> {
            changedSince.clear();
            Set<String> kept = new HashSet<>();
            List<FileChange> changes = new ArrayList<>();
            for (FileChange c : applied.written) {
                String now = current.get(c.path());
                if (Objects.equals(now, c.after())) {
                    changes.add(new FileChange(c.path(), c.label(), now, c.before(), c.newFileMode(), c.newDirMode(),
                            null));
                } else if (!Objects.equals(now, c.before())) {
                    kept.add(c.path().toString());
                    changedSince.add(c.label());
                }
            }
            return new Plan(changes, sets -> JournalDelta.undo(sets, applied.record.get("journalUndo"), kept), true);
        }, false);
        return changedSince;
    }

    /**
     * Finishes or rolls back every change a killed command left pending: when all its files hold the new content,
     * the change is complete and only marked so; otherwise each file holding the new content (or torn by an in-place
     * write) gets its backup back, and the journal edit is taken back. A file someone changed since is left as it is
     * and named; the change counts as not made there.
     */
    public void recover() {
        journal.removeStaleTemps();
        backups.removeStaleTemps();
        for (Map<String, Object> record : journal.pending()) {
            recover(record);
        }
    }

    @SuppressWarnings("unchecked")
    private void recover(Map<String, Object> record) {
        List<Map<String, Object>> files = (List<Map<String, Object>>) record.get("files");
        List<Path> paths = new ArrayList<>();
        for (Map<String, Object> f : files) {
            paths.add(Path.of((String) f.get("path")));
        }
        List<WriteLock> locks = lockAll(paths);
        try {
            if (journal.pending().stream().noneMatch(r -> Objects.equals(r.get("id"), record.get("id")))) {
                return; // another process finished it while we waited for the locks
            }
            List<Map<String, Object>> toRestore = new ArrayList<>();
            List<String> changedSince = new ArrayList<>();
            boolean allWritten = true;
            for (Map<String, Object> f : files) {
                Path path = Path.of((String) f.get("path"));
                AtomicFileWriter.removeStaleTemps(AtomicFileWriter.resolveTarget(path));
                byte[] now = TextFile.bytesOrNull(path);
                String sha = TextFile.sha256(now);
                Object before = f.get("beforeSha256");
                Object after = f.get("afterSha256");
                if (Objects.equals(sha, text(after))) {
                    toRestore.add(f);
                    continue;
                }
                allWritten = false;
                if (Objects.equals(sha, text(before))) {
                    continue;
                }
                if (now != null && isTorn(f, now)) {
                    toRestore.add(f);
                } else {
                    changedSince.add((String) f.get("path"));
                }
            }
            if (allWritten) {
                journal.commit((String) record.get("id"));
                notices.accept("An earlier bedrock-setup run was stopped after writing " + names(paths)
                        + " but before recording that it had finished; recorded it now.");
                return;
            }
            List<String> restored = new ArrayList<>();
            for (Map<String, Object> f : toRestore) {
                Path path = Path.of((String) f.get("path"));
                Object backup = f.get("backup");
                if (backup instanceof String) {
                    byte[] old = TextFile.bytesOrNull(Path.of((String) backup));
                    if (old == null || !Objects.equals(TextFile.sha256(old), text(f.get("beforeSha256")))) {
                        changedSince.add(path.toString()); // the backup is gone or not what it was: keep the file
                        continue;
                    }
                    writer.write(path, old, "rw-------", null);
                } else {
                    writer.delete(path); // the run had created it
                }
                restored.add(path.toString());
            }
            // a file changed since is taken as never written: a kill leaves the file as it was far more often than
            // in the instant between the last rename and the commit, and keeping our entries for it could let reset
            // revert the edit just made (docs/decisions/0010)
            journal.rollBack(record, Set.of());
            notices.accept("An earlier bedrock-setup run was stopped while writing " + names(paths) + "; rolled it "
                    + "back" + (restored.isEmpty() ? "" : " (restored " + String.join(", ", restored) + ")")
                    + (changedSince.isEmpty() ? "." : "; left as it is, because it changed since (check it): "
                    + String.join(", ", changedSince) + "."));
        } catch (java.io.IOException e) {
            throw BedrockSetupException.local("cannot recover an interrupted change: " + e.getMessage(), null, e);
        } finally {
            unlock(locks);
        }
    }

    private static boolean isTorn(Map<String, Object> f, byte[] now) {
        Object next = f.get("inPlaceNew");
        Object backup = f.get("backup");
        if (!(next instanceof String) || !(backup instanceof String)) {
            return false;
        }
        byte[] before = TextFile.bytesOrNull(Path.of((String) backup));
        byte[] after = TextFile.bytesOrNull(Path.of((String) next));
        return before != null && after != null && AtomicFileWriter.isTornWrite(now, before, after);
    }

    private static String text(Object o) {
        return o instanceof String ? (String) o : null;
    }

    private static String names(List<Path> paths) {
        List<String> out = new ArrayList<>();
        for (Path p : paths) {
            out.add(p.toString());
        }
        return String.join(", ", out);
    }

    private static String realKey(Path p) {
        try {
            return AtomicFileWriter.resolveTarget(p).toString();
        } catch (java.io.IOException e) {
            throw BedrockSetupException.local("cannot resolve " + p + ": " + e.getMessage(), null, e);
        }
    }
}
