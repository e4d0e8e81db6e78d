package dev.bedrocksetup.awsconfig;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what makes the AWS CLI refuse a whole file. The CLI reads the shared files with Python's RawConfigParser in
 * strict mode and then splits indented sub-property blocks on '='; this walks the lines the same way so we can refuse
 * to edit such a file before writing anything (the differential tests check this against botocore itself).
 */
final class CliReadabilityCheck {
    private static final Pattern SECTION = Pattern.compile("\\[(.+)\\]");
    private static final Pattern OPTION = Pattern.compile("(.*?)\\s*([=:])\\s*(.*)$");

    private CliReadabilityCheck() {}

    static List<ConfigProblem> check(AwsConfigDocument doc) {
        List<ConfigProblem> out = new ArrayList<>();
        if (doc.hasBom()) {
            out.add(blocking(1, "the file starts with a UTF-8 byte-order mark, which the AWS CLI cannot read"));
        }
        Map<String, Integer> sectionsSeen = new HashMap<>();
        Map<String, Integer> optionsSeen = new HashMap<>();
        String section = null;
        String option = null;
        boolean optionOpensBlock = false;
        int indentLevel = 0;
        for (int i = 0; i < doc.lineCount(); i++) {
            String text = doc.line(i).text();
            String value = text.strip();
            int lineNo = i + 1;
            if (value.startsWith("#") || value.startsWith(";") || value.isEmpty()) {
                continue; // comments and blank lines never end a value in RawConfigParser
            }
            int indent = text.length() - text.stripLeading().length();
            if (section != null && option != null && indent > indentLevel) {
                if (optionOpensBlock && value.indexOf('=') < 0) {
                    out.add(blocking(lineNo, "a line inside the sub-property block of '" + option
                            + "' has no '='; the AWS CLI cannot read the file"));
                }
                continue;
            }
            indentLevel = indent;
            Matcher sm = SECTION.matcher(value);
            if (sm.lookingAt()) {
                String name = sm.group(1);
                Integer first = sectionsSeen.get(name);
                if (first != null) {
                    out.add(blocking(lineNo, "section [" + name + "] appears again (first at line " + first
                            + "); the AWS CLI refuses a file with a duplicate section"));
                } else if (!name.equals("DEFAULT")) {
                    sectionsSeen.put(name, lineNo);
                }
                section = name;
                option = null;
                continue;
            }
            if (section == null) {
                out.add(blocking(lineNo, "a line before the first [section] header; the AWS CLI cannot read the file"));
                // RawConfigParser stops at the first such line
                return out;
            }
            Matcher om = OPTION.matcher(value);
            if (!om.matches() || om.group(1).stripTrailing().isEmpty()) {
                out.add(blocking(lineNo, "neither a [section] header nor 'key = value'; the AWS CLI cannot read "
                        + "the file"));
                option = null;
                continue;
            }
            option = om.group(1).stripTrailing().toLowerCase(Locale.ROOT);
            optionOpensBlock = om.group(3).strip().isEmpty();
            String qualified = section + "\u0000" + option;
            Integer first = optionsSeen.get(qualified);
            if (first != null) {
                out.add(blocking(lineNo, "key '" + option + "' appears again in [" + section + "] (first at line "
                        + first + "); the AWS CLI refuses a file with a duplicate key"));
            } else {
                optionsSeen.put(qualified, lineNo);
            }
        }
        return out;
    }

    private static ConfigProblem blocking(int line, String message) {
        return new ConfigProblem(line, ConfigProblem.Severity.BLOCKING, message);
    }
}
