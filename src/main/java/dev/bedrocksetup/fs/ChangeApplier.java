package dev.bedrocksetup.fs;

import dev.bedrocksetup.core.BedrockSetupException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Applies a plan: locks every file it touches, reads them, lets the caller plan against what is really there,
 * backs each file up, records the change in the journal, then writes each file atomically. The journal is written
 * before the files, so a crash can leave a journal entry for a change that did not happen (reset then finds the
 * value was not ours and leaves it) but never a change that reset does not know about.
 */
public final class ChangeApplier {
    public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(3);

    private final Path stateDir;
    private final AtomicFileWriter writer;
    private final ChangeJournal journal;
    private final Backups backups;
    private final Clock clock;
    private final Duration lockWait;

    public ChangeApplier(Path stateDir, AtomicFileWriter writer, Clock clock, Duration lockWait) {
        this.stateDir = stateDir;
        this.writer = writer;
        this.journal = new ChangeJournal(stateDir, writer);
        this.backups = new Backups(stateDir, writer);
        this.clock = clock;
        this.lockWait = lockWait;
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

        public Plan(List<FileChange> changes, UnaryOperator<List<Map<String, Object>>> journalEdit) {
            this.changes = changes;
            this.journalEdit = journalEdit;
        }

        public List<FileChange> changes() {
            return changes;
        }

        public UnaryOperator<List<Map<String, Object>>> journalEdit() {
            return journalEdit;
        }
    }

    /**
     * Locks {@code paths}, reads them, asks {@code planner} for the changes and applies them; returns the plan
     * applied. With {@code dryRun} nothing is written.
     */
    public Plan apply(List<Path> paths, Planner planner, boolean dryRun) {
        // lock in a fixed order (by real path) so two processes never deadlock
        TreeMap<String, Path> ordered = new TreeMap<>();
        for (Path p : paths) {
            ordered.put(realKey(p), p);
        }
        List<WriteLock> locks = new ArrayList<>();
        try {
            if (!dryRun) {
                for (Map.Entry<String, Path> e : ordered.entrySet()) {
                    locks.add(WriteLock.acquire(stateDir, e.getKey(), e.getValue().toString(), lockWait));
                }
            }
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
            for (int i = locks.size() - 1; i >= 0; i--) {
                locks.get(i).close();
            }
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
            return;
        }
        for (FileChange c : real) {
            if (c.before() != null) {
                Path backup = backups.save(c.path(), c.before(), clock.instant());
                if (c.journalEntry() != null) {
                    c.journalEntry().put("backup", backup.toString());
                }
            }
        }
        if (plan.journalEdit() != null) {
            journal.update(plan.journalEdit());
        }
        for (FileChange c : real) {
            if (c.after() == null) {
                writer.delete(c.path());
            } else {
                writer.write(c.path(), c.after().getBytes(StandardCharsets.UTF_8), c.newFileMode(), c.newDirMode(),
                        c.requiredMode());
            }
        }
    }

    private static String realKey(Path p) {
        try {
            return AtomicFileWriter.resolveTarget(p).toString();
        } catch (java.io.IOException e) {
            throw BedrockSetupException.local("cannot resolve " + p + ": " + e.getMessage(), null, e);
        }
    }
}
