package dev.bedrocksetup.awsconfig;

import java.util.ArrayList;
import java.util.List;

/**
 * A minimal line diff (Myers' O(ND) algorithm) for the tests: which lines of the old text were deleted and which
 * lines of the new text were inserted. Lines keep their terminators, so a changed line ending counts as a change.
 */
final class LineDiff {
    record Result(List<String> deleted, List<String> inserted) { }

    private LineDiff() {}

    static List<String> lines(String text) {
        return dev.bedrocksetup.fs.UnifiedDiff.lines(text);
    }

    static Result diff(String before, String after) {
        List<String> a = lines(before);
        List<String> b = lines(after);
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        int[] v = new int[2 * max + 3];
        List<int[]> trace = new ArrayList<>();
        int found = -1;
        for (int d = 0; d <= max && found < 0; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x;
                if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) {
                    x = v[offset + k + 1];
                } else {
                    x = v[offset + k - 1] + 1;
                }
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
        List<String> deleted = new ArrayList<>();
        List<String> inserted = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = found; d > 0; d--) {
            int[] vd = trace.get(d);
            int k = x - y;
            int prevK = (k == -d || (k != d && vd[offset + k - 1] < vd[offset + k + 1])) ? k + 1 : k - 1;
            int prevX = vd[offset + prevK];
            int prevY = prevX - prevK;
            while (x > prevX && y > prevY) {
                x--;
                y--;
            }
            if (x == prevX) {
                inserted.add(b.get(prevY));
            } else {
                deleted.add(a.get(prevX));
            }
            x = prevX;
            y = prevY;
        }
        return new Result(deleted, inserted);
    }
}
