package dev.bedrocksetup.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff (as `diff -u` prints it) between two versions of a text file; null text means "absent". The lines
 * come from {@link LineDiff} (Myers), between the common first and last lines.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    public static String of(String label, String before, String after) {
        if (before != null && before.equals(after)) {
            return "";
        }
        List<String> a = LineDiff.lines(before);
        List<String> b = LineDiff.lines(after);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(before == null ? "/dev/null" : label).append('\n');
        out.append("+++ ").append(after == null ? "/dev/null" : label).append('\n');

        // ops: ' ' keep, '-' delete, '+' insert, over the full line lists
        List<char[]> ops = new ArrayList<>();
        List<String> opLines = new ArrayList<>();
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(b.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix
                && a.get(a.size() - 1 - suffix).equals(b.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        for (int i = 0; i < prefix; i++) {
            ops.add(new char[] {' '});
            opLines.add(a.get(i));
        }
        middle(a.subList(prefix, a.size() - suffix), b.subList(prefix, b.size() - suffix), ops, opLines);
        for (int i = a.size() - suffix; i < a.size(); i++) {
            ops.add(new char[] {' '});
            opLines.add(a.get(i));
        }
        hunks(ops, opLines, out);
        return out.toString();
    }

    private static void middle(List<String> a, List<String> b, List<char[]> ops, List<String> lines) {
        for (LineDiff.Edit e : LineDiff.edits(a, b)) {
            ops.add(new char[] {e.kind()});
            lines.add(e.line());
        }
    }

    private static void hunks(List<char[]> ops, List<String> lines, StringBuilder out) {
        int size = ops.size();
        int idx = 0;
        while (idx < size) {
            while (idx < size && ops.get(idx)[0] == ' ') {
                idx++;
            }
            if (idx >= size) {
                break;
            }
            int start = Math.max(0, idx - CONTEXT);
            int end = idx;
            // extend while changes are within 2*CONTEXT of each other
            int lastChange = idx;
            int k = idx;
            while (k < size) {
                if (ops.get(k)[0] != ' ') {
                    lastChange = k;
                } else if (k - lastChange > 2 * CONTEXT) {
                    break;
                }
                k++;
            }
            end = Math.min(size, lastChange + CONTEXT + 1);
            int aStart = 0;
            int bStart = 0;
            for (int t = 0; t < start; t++) {
                char c = ops.get(t)[0];
                if (c != '+') {
                    aStart++;
                }
                if (c != '-') {
                    bStart++;
                }
            }
            int aLen = 0;
            int bLen = 0;
            for (int t = start; t < end; t++) {
                char c = ops.get(t)[0];
                if (c != '+') {
                    aLen++;
                }
                if (c != '-') {
                    bLen++;
                }
            }
            out.append("@@ -").append(range(aStart, aLen)).append(" +").append(range(bStart, bLen)).append(" @@\n");
            for (int t = start; t < end; t++) {
                String line = lines.get(t);
                out.append(ops.get(t)[0]);
                if (line.endsWith("\n")) {
                    out.append(line.endsWith("\r\n") ? line.substring(0, line.length() - 2) : line, 0,
                            line.endsWith("\r\n") ? line.length() - 2 : line.length() - 1).append('\n');
                } else {
                    out.append(line).append("\n\\ No newline at end of file\n");
                }
            }
            idx = end;
        }
    }

    private static String range(int start, int len) {
        int first = len == 0 ? start : start + 1;
        return len == 1 ? Integer.toString(first) : first + "," + len;
    }
}
