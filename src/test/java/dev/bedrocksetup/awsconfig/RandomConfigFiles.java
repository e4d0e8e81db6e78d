package dev.bedrocksetup.awsconfig;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Random config files that every AWS tool reads: sections of every kind with canonical or commented headers, keys
 * with varied spacing, sub-property blocks (spaces or tabs, blank lines inside), comments and blank lines anywhere,
 * LF or CRLF, with or without a final newline.
 */
final class RandomConfigFiles {
    static final List<String> PROFILES = List.of("default", "p0", "p1", "dev", "bedrock", "legacy1", "legacy2");
    static final List<String> SESSIONS = List.of("s0", "corp", "bedrock-sso", "migrated-sso");
    private static final List<String> URLS = List.of("https://example.awsapps.com/start",
            "https://example.awsapps.com/start/", "https://other.awsapps.com/start");
    private static final List<String> REGIONS = List.of("us-east-1", "eu-west-1", "us-west-2");

    private RandomConfigFiles() {}

    static String generate(Random r) {
        String nl = r.nextInt(4) == 0 ? "\r\n" : "\n";
        List<String> lines = new ArrayList<>();
        if (r.nextBoolean()) {
            lines.add(pick(r, List.of("# ~/.aws/config", "; generated", "# ünïcode ✓ 🚀", "")));
        }
        Set<String> profiles = new LinkedHashSet<>();
        Set<String> sessions = new LinkedHashSet<>();
        int sections = r.nextInt(7);
        for (int i = 0; i < sections; i++) {
            int kind = r.nextInt(10);
            if (kind < 6) {
                String name = pick(r, PROFILES);
                if (profiles.add(name)) {
                    profile(r, name, lines);
                }
            } else if (kind < 8) {
                String name = pick(r, SESSIONS);
                if (sessions.add(name)) {
                    lines.add(header(r, "[sso-session " + name + "]"));
                    lines.add(kv(r, "sso_start_url", pick(r, URLS)));
                    lines.add(kv(r, "sso_region", pick(r, REGIONS)));
                    if (r.nextBoolean()) {
                        lines.add(kv(r, "sso_registration_scopes", "sso:account:access"));
                    }
                }
            } else if (kind == 8) {
                String name = "svc" + i;
                lines.add(header(r, "[services " + name + "]"));
                block(r, "s3", lines);
                if (r.nextBoolean()) {
                    block(r, "dynamodb", lines);
                }
            } else if (sessions.add("[preview]")) {
                lines.add(header(r, "[preview]"));
                lines.add(kv(r, "cloudfront", "true"));
            }
            filler(r, lines);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            sb.append(lines.get(i));
            if (i < lines.size() - 1 || r.nextInt(4) != 0) {
                sb.append(nl);
            }
        }
        return sb.toString();
    }

    private static void profile(Random r, String name, List<String> lines) {
        lines.add(header(r, name.equals("default") ? "[default]" : "[profile " + name + "]"));
        List<String[]> keys = new ArrayList<>();
        int style = name.startsWith("legacy") ? 0 : r.nextInt(5);
        switch (style) {
            case 0 -> {
                keys.add(new String[] {"sso_start_url", pick(r, URLS)});
                keys.add(new String[] {"sso_region", pick(r, REGIONS)});
                keys.add(new String[] {"sso_account_id", "111122223333"});
                keys.add(new String[] {"sso_role_name", "Role" + r.nextInt(3)});
            }
            case 1 -> {
                keys.add(new String[] {"sso_session", pick(r, SESSIONS)});
                keys.add(new String[] {"sso_account_id", "111122223333"});
                keys.add(new String[] {"sso_role_name", "Dev"});
            }
            case 2 -> {
                keys.add(new String[] {"role_arn", "arn:aws:iam::111122223333:role/R"});
                keys.add(new String[] {"source_profile", pick(r, PROFILES)});
            }
            case 3 -> keys.add(new String[] {"credential_process", "/bin/creds --json"});
            default -> { }
        }
        if (r.nextBoolean()) {
            keys.add(r.nextInt(keys.size() + 1), new String[] {"region", pick(r, REGIONS)});
        }
        if (r.nextBoolean()) {
            keys.add(new String[] {"output", pick(r, List.of("json", "text", "yaml"))});
        }
        for (String[] kv : keys) {
            lines.add(kv(r, kv[0], kv[1]));
            if (r.nextInt(6) == 0) {
                lines.add(pick(r, List.of("# why", "; note", "")));
            }
        }
        if (r.nextInt(3) == 0) {
            block(r, "s3", lines);
        }
    }

    private static void block(Random r, String key, List<String> lines) {
        String indent = pick(r, List.of("  ", "    ", "\t"));
        lines.add(key + " =");
        int n = 1 + r.nextInt(3);
        for (int i = 0; i < n; i++) {
            lines.add(indent + "k" + i + " = v" + i);
            if (i < n - 1 && r.nextInt(4) == 0) {
                lines.add("");
            }
        }
    }

    private static void filler(Random r, List<String> lines) {
        int n = r.nextInt(3);
        for (int i = 0; i < n; i++) {
            lines.add(pick(r, List.of("", "", "# comment", "; c", "   ")));
        }
    }

    private static String header(Random r, String h) {
        return switch (r.nextInt(6)) {
            case 0 -> h + " # header comment";
            case 1 -> h + "  ";
            default -> h;
        };
    }

    private static String kv(Random r, String k, String v) {
        return switch (r.nextInt(5)) {
            case 0 -> k + "=" + v;
            case 1 -> k + "\t=\t" + v;
            case 2 -> k + " =   " + v + "  ";
            default -> k + " = " + v;
        };
    }

    private static <T> T pick(Random r, List<T> from) {
        return from.get(r.nextInt(from.size()));
    }
}
