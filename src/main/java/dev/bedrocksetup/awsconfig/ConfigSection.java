package dev.bedrocksetup.awsconfig;

import java.util.ArrayList;
import java.util.List;

/** A section of a document: its header line and the lines up to the next header, {@code [header, end)}. */
public record ConfigSection(SectionName name, int header, int end) {

    /** 1-based line number of the header, for messages. */
    public int lineNumber() {
        return header + 1;
    }

    /** The properties of this section in order, each with its continuation lines. */
    public List<PropertySpan> properties(AwsConfigDocument doc) {
        List<PropertySpan> out = new ArrayList<>();
        int i = header + 1;
        while (i < end) {
            ConfigLine line = doc.line(i);
            if (line.kind() != LineKind.PROPERTY) {
                i++;
                continue;
            }
            int spanEnd = i + 1;
            int j = i + 1;
            while (j < end) {
                ConfigLine next = doc.line(j);
                LineKind k = next.kind();
                // any indented non-blank line continues the property for the Java SDK, even an indented comment
                if (k == LineKind.CONTINUATION || (k == LineKind.COMMENT && next.isIndented())) {
                    spanEnd = j + 1;
                } else if (k != LineKind.BLANK && k != LineKind.COMMENT) {
                    break;
                }
                j++;
            }
            out.add(new PropertySpan(line.key(), i, spanEnd));
            i = spanEnd;
        }
        return out;
    }

    /** The spans of {@code key} (compared as the AWS CLI compares keys: case-insensitively). */
    public List<PropertySpan> find(AwsConfigDocument doc, String key) {
        List<PropertySpan> out = new ArrayList<>();
        for (PropertySpan p : properties(doc)) {
            if (key.equals(p.key())) {
                out.add(p);
            }
        }
        return out;
    }

    /** Where a new key goes: after the last property's span, or right after the header when there is none. */
    public int insertionPoint(AwsConfigDocument doc) {
        List<PropertySpan> props = properties(doc);
        return props.isEmpty() ? header + 1 : props.get(props.size() - 1).end();
    }
}
