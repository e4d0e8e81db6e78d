package dev.bedrocksetup.fs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The one line diff: Myers' O(ND) algorithm (a shortest edit script, in time growing with the size of the change
 * rather than the product of the file sizes). {@link UnifiedDiff} prints it; tests compare edits with it. Lines keep
 * their terminators, so a changed line ending counts as a change.
 */
public final class LineDiff {
    /** One step of an edit script: keep, delete (a line of the old text) or insert (a line of the new text). */
    public record Edit(char kind, String line) {
        public static final char KEEP = ' ';
        public static final char DELETE = '-';
        public static final char INSERT = '+';
    }

    /** What a diff deleted from the old text and inserted from the new one. */
    public record Result(List<String> deleted, List<String> inserted) { }

    /**
     * The search keeps 2d+1 ints for its d-th edit, about D² for D edits; beyond this many (16 MB, some 2,000 changed
     * lines) {@link #edits} stops searching and answers with a whole-file replacement.
     */
    private static final long MAX_TRACE_INTS = 4_000_000;

    private LineDiff() {}

    /** Lines with their terminators kept, so a change of line ending or final newline shows. */
    public static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    public static Result diff(String before, String after) {
        List<String> deleted = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        for (Edit e : edits(lines(before), lines(after))) {
            if (e.kind == Edit.DELETE) {
                deleted.add(e.line);
            } else if (e.kind == Edit.INSERT) {
                inserted.add(e.line);
            }
        }
        return new Result(deleted, inserted);
    }

    /**
     * A shortest edit script from {@code a} to {@code b}, in order, deletions before insertions where they meet; for
     * a change too large to search, every line of {@code a} deleted, then every line of {@code b} inserted.
     */
    public static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        // trace.get(d): the furthest x on diagonals -d..d before step d, kept to walk the path back
        List<int[]> trace = new ArrayList<>();
        long kept = 0;
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            kept += 2L * d + 1;
            if (kept > MAX_TRACE_INTS) {
                return replaceAll(a, b);
            }
            trace.add(Arrays.copyOfRange(v, offset - d, offset + d + 1));
            for (int k = -d; k <= d; k += 2) {
                int x = down(v, offset, k, d) ? v[offset + k + 1] : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    found = d;
                    break;
                }
            }
        }
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = down(vd, d, k, d) ? k + 1 : k - 1;
            int prevX = vd[d + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                reversed.add(new Edit(Edit.KEEP, a.get(--x)));
                y--;
            }
            reversed.add(x == prevX ? new Edit(Edit.INSERT, b.get(prevY)) : new Edit(Edit.DELETE, a.get(prevX)));
            x = prevX;
            y = prevY;
        }
        while (x > 0) {
            reversed.add(new Edit(Edit.KEEP, a.get(--x)));
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /**
     * Whether the path to diagonal {@code k} at step {@code d} comes from k+1 (an insertion) rather than k-1;
     * {@code v[offset + j]} is the furthest x on diagonal j.
     */
    private static boolean down(int[] v, int offset, int k, int d) {
        return k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
    }

    private static List<Edit> replaceAll(List<String> a, List<String> b) {
        List<Edit> out = new ArrayList<>();
        for (String line : a) {
            out.add(new Edit(Edit.DELETE, line));
        }
        for (String line : b) {
            out.add(new Edit(Edit.INSERT, line));
        }
        return out;
    }
}
