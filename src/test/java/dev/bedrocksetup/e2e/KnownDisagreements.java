package dev.bedrocksetup.e2e;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rows of the agreement matrix on which the doctor is known to disagree with Claude Code today (issue 14 is open until
 * this map is empty). Each names what the doctor still gets wrong. A listed row is not counted as agreeing: the table
 * marks it "known", and the test still fails when Claude Code stops doing what the row says (the setup changed
 * meaning) and when the row starts to hold (so the entry cannot outlive its fix). Every other row must hold.
 */
final class KnownDisagreements {
    private KnownDisagreements() {}

    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        String warnOnly = "the doctor fails a check that should only warn: Claude Code answers";
        ROWS.put("working static keys shadow the SSO profile (Claude Code signs as the IAM user)", warnOnly
                + " as the IAM user, not the SSO role the user set up");
        ROWS.put("env written to ~/.claude.json instead of settings", "Claude Code applies env from ~/.claude.json; "
                + "the doctor's effective configuration does not read it");
        ROWS.put("max output tokens not a number", warnOnly);
        ROWS.put("ANTHROPIC_SMALL_FAST_MODEL_AWS_REGION holds a model ID", warnOnly);
        ROWS.put("ANTHROPIC_BEDROCK_REGION_PREFIX is not a geography", warnOnly
                + " (it ignores the value and derives the prefix from the region)");
        ROWS.put("AWS_ENDPOINT_URL_BEDROCK: nothing listens (Claude Code uses its built-in list)", warnOnly
                + " with its built-in model list");
        ROWS.put("inference-profile listing denied (Claude Code uses its built-in list)", warnOnly
                + " with its built-in model list");
        ROWS.put("NODE_EXTRA_CA_CERTS names a missing file", warnOnly + " (Node warns and goes on)");
        ROWS.put("one model call throttled, then answered", "the doctor's model probe does not retry throttling; "
                + "Claude Code does");
        ROWS.put("TLS-inspecting proxy, its root in NODE_EXTRA_CA_CERTS", "the doctor's own AWS calls ignore "
                + "HTTPS_PROXY and NODE_EXTRA_CA_CERTS and go direct");
        ROWS.put("HTTPS_PROXY with basic authentication in the URL", "the doctor's own AWS calls ignore HTTPS_PROXY "
                + "and go direct");
        ROWS.put("HTTPS_PROXY without a scheme (host:port)", "Claude Code repairs a proxy value without a scheme; the "
                + "doctor refuses it");
    }

    /** What the doctor still gets wrong on this row, or null when the row must hold. */
    static String reason(String row) {
        return ROWS.get(row);
    }

    static Map<String, String> all() {
        return ROWS;
    }
}
