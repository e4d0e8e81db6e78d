#!/usr/bin/env python3
"""The drift alarm: which settings keys and environment variables an installed Claude Code knows that concern
Bedrock, AWS, models, credentials, proxies and managed policy, compared with the doctor's catalogue of known keys
(claude/ClaudeCodeSurface, rendered as docs/claude-code-surface.md).

    scripts/claude-code-surface.py INSTALL              diff against docs/claude-code-surface.md
    scripts/claude-code-surface.py --known FILE INSTALL diff against FILE (lines "env NAME" / "setting key")
    scripts/claude-code-surface.py --list INSTALL       print every relevant key with its rule (and description)

INSTALL is an npm prefix or node_modules directory holding @anthropic-ai/claude-code, the native `claude` binary, or
the cli.js older versions ship. Exit 0: every relevant key is catalogued; 1: unknown relevant keys (each named);
2: bad usage; 3: the binary's registry or settings schema was not found (the extraction needs updating).

How the binary is read (Claude Code is one minified JavaScript bundle; the native binary carries it as text):
- Environment variables: the names Claude Code declares in its typed variable registry (bundler export tables whose
  entries are defined through the registry's builder, e.g. `HP=H.bool()`), plus every direct `process.env.NAME`
  read. Variables read only inside bundled libraries (the AWS SDK's own AWS_EC2_METADATA_* and the like) are not
  Claude Code's surface and are not listed.
- Settings keys: the top-level keys of the settings schema (the object whose first key is `$schema`, described
  "JSON Schema reference for Claude Code settings"), each with its `.describe(...)` text.
Then the relevance rules below, applied by name (and, for settings, by description), pick what the doctor must know.
"""
import os
import re
import signal
import sys

# ---- relevance: explicit, reviewable rules. A key is relevant when a rule matches it and no exclusion names it. ----

ENV_RULES = [
    ("provider switch", r"CLAUDE_CODE_USE_.*|CLAUDE_CODE_SKIP_.*_AUTH|CLAUDE_CODE_PROVIDER_.*"),
    ("AWS", r"AWS_.*|.*_AWS_.*|.*_AWS|.*BEDROCK.*"),
    ("Anthropic API client (endpoints, keys, models)", r"ANTHROPIC_.*"),
    ("models and token limits", r"CLAUDE_CODE_.*MODEL.*|CLAUDE_CODE_MAX_OUTPUT_TOKENS|MAX_THINKING_TOKENS"
                                r"|DISABLE_PROMPT_CACHING(_.*)?"),
    ("credentials", r"CLAUDE_CODE_(API_KEY|AUTH|HOST_AUTH|HOST_CREDS|AWS)_.*"),
    ("proxy and TLS", r"(?i:(https?|all|no)_proxy)|CLAUDE_CODE_.*PROXY.*|NODE_EXTRA_CA_CERTS"
                      r"|NODE_TLS_REJECT_UNAUTHORIZED|NODE_USE_SYSTEM_CA|NODE_USE_ENV_PROXY"
                      r"|CLAUDE_CODE_(CLIENT_CERT|CLIENT_KEY|CERT_STORE).*"),
    ("managed policy and settings location", r"CLAUDE_CODE_MANAGED_.*|CLAUDE_CONFIG_DIR"),
]
# Pattern hits that are not about the concern the pattern stands for.
ENV_EXCLUDED = {
    "CLAUDE_CODE_USE_POWERSHELL_TOOL": "a tool switch, not a provider",
    "CLAUDE_CODE_USE_NATIVE_FILE_SEARCH": "a tool switch, not a provider",
    "CLAUDE_CODE_USE_COWORK_PLUGINS": "a plugin switch, not a provider",
}

SETTINGS_RULES = [
    ("cloud provider", r"(?i).*(aws|bedrock|gcp|vertex|foundry|mantle|provider).*"),
    ("credentials", r"(?i).*(apikey|auth(?!or)|credential|login).*"),
    ("models", r"(?i).*model.*"),
    ("proxy and TLS", r"(?i).*(proxy|gateway|cert|tls).*"),
    ("managed policy", r"(?i).*(policy|managed).*"),
    ("environment", r"env"),
]
# A settings key whose description names these concerns is relevant whatever its name.
SETTINGS_DESCRIPTION_RULE = ("description names Bedrock or AWS", r"(?i).*\b(bedrock|aws)\b.*")
SETTINGS_EXCLUDED = {}  # none so far

# Names the pinned Claude Code (2.1.330) and later ones know; if the extraction misses them, it is broken, not the
# catalogue complete.
ENV_ANCHORS = ["CLAUDE_CODE_USE_BEDROCK", "AWS_REGION", "ANTHROPIC_MODEL", "HTTPS_PROXY"]
SETTINGS_ANCHORS = ["env", "model", "apiKeyHelper", "awsAuthRefresh", "awsCredentialExport"]


def env_rule(name):
    if name in ENV_EXCLUDED:
        return None
    for label, pattern in ENV_RULES:
        if re.fullmatch(pattern, name):
            return label
    return None


def settings_rule(key, description):
    if key in SETTINGS_EXCLUDED:
        return None
    for label, pattern in SETTINGS_RULES:
        if re.fullmatch(pattern, key):
            return label
    if description and re.fullmatch(SETTINGS_DESCRIPTION_RULE[1], description, re.S):
        return SETTINGS_DESCRIPTION_RULE[0]
    return None


# ---- finding the bundle ----

def find_bundle(install):
    """The file that carries Claude Code's JavaScript, and its version when package.json says it."""
    if os.path.isfile(install):
        real = os.path.realpath(install)  # node_modules/.bin/claude links to the package's binary
        return real, version_near(real)
    candidates = []
    for root in [install, os.path.join(install, "node_modules"), os.path.join(install, "lib", "node_modules")]:
        scope = os.path.join(root, "@anthropic-ai")
        if not os.path.isdir(scope):
            continue
        for pkg in sorted(os.listdir(scope)):
            if pkg.startswith("claude-code-") and os.path.isfile(os.path.join(scope, pkg, "claude")):
                candidates.append(os.path.join(scope, pkg, "claude"))
            if pkg == "claude-code":
                for rel in ["cli.js", os.path.join("bin", "claude.exe")]:
                    p = os.path.join(scope, pkg, rel)
                    if os.path.isfile(p) and os.path.getsize(p) > 1_000_000:
                        candidates.append(p)
    if not candidates:
        raise SystemExit(usage_error("no @anthropic-ai/claude-code under " + install))
    return candidates[0], version_near(candidates[0])


def version_near(path):
    d = os.path.dirname(os.path.abspath(path))
    for _ in range(3):
        pj = os.path.join(d, "package.json")
        if os.path.isfile(pj):
            m = re.search(r'"version"\s*:\s*"([^"]+)"', open(pj, encoding="utf-8").read())
            if m:
                return m.group(1)
        d = os.path.dirname(d)
    return "unknown"


def usage_error(message):
    print("claude-code-surface: " + message, file=sys.stderr)
    return 2


# ---- environment variables ----

# HTTPS_PROXY, https_proxy, ComSpec, OneDrive: a variable's name; default, inherit, sourceOf: a module's function.
ENV_SHAPED = r"_?[A-Z][A-Z0-9_]*|[A-Za-z0-9]*_[A-Za-z0-9_]*|[A-Z][a-z]+(?:[A-Z][a-z]*)+"


def env_names(data):
    """From the bundle's bytes (regular expressions on bytes: the native binary is some 380 MB)."""
    # the registry's builder: an object {str: ..., rawStr: ..., bool: ..., ...}; each variable is `X=H.bool()` etc.
    # (found from the literal part backwards: a pattern that starts with an identifier is slow on 380 MB)
    builders = set()
    for m in re.finditer(rb"=\{str:\(\)=>[^,]+,rawStr:", data):
        name = re.search(rb"[A-Za-z_$][\w$]*$", data[max(0, m.start() - 64):m.start()])
        if name:
            builders.add(name.group(0))
    if not builders:
        return set()
    builder_defined = set(re.findall(
        rb"[,;{ ]([A-Za-z_$][\w$]*)=(?:%s)\.\w+\(" % b"|".join(re.escape(b) for b in builders), data))
    names = set()
    for m in re.finditer(rb"var ([A-Za-z_$][\w$]*)=\{\};[A-Za-z_$][\w$]*\(\1,\{([^}]*)\}\)", data):
        pairs = [(k.decode(), t) for k, t in re.findall(rb"([A-Za-z_$][\w$]*):\(\)=>([A-Za-z_$][\w$]*)", m.group(2))]
        # a registry module exports variables only (no `default`, no lowerCamelCase helpers), nearly all built by
        # the builder: "all" would drop a whole table for one entry defined another way, or for a minified name
        # that another module reuses
        if pairs and all(re.fullmatch(ENV_SHAPED, k) for k, _ in pairs) \
                and sum(1 for _, t in pairs if t in builder_defined) >= 0.9 * len(pairs):
            names.update(k for k, _ in pairs)
    names.update(n.decode() for n in re.findall(rb"process\.env\.([A-Za-z_]\w*)", data))
    names.update(n.decode() for n in re.findall(rb"process\.env\[[\"']([A-Za-z_]\w*)[\"']\]", data))
    return names


# ---- settings schema: a small JavaScript scanner (strings, templates, regex literals, nesting) ----

REGEX_AFTER = set("(,=:[!&|?{};+-*%<>~^")


def scan_object(text, start):
    """Top-level entries of the object literal whose '{' is at start: [(key, value_start, value_end)]."""
    entries = []
    depth = 0
    i = start
    n = len(text)
    last_sig = ""
    entry_start = None
    templates = []  # brace depth at which each open ${ ... } of a template literal closes
    while i < n:
        c = text[i]
        if c in "\"'":
            j = i + 1
            while text[j] != c:
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            last_sig = c
            continue
        if c == "`":
            i = skip_template(text, i + 1, templates, depth)
            last_sig = "`"
            continue
        if c == "/" and text[i + 1] == "/":
            i = text.index("\n", i)
            continue
        if c == "/" and text[i + 1] == "*":
            i = text.index("*/", i) + 2
            continue
        if c == "/" and last_sig in REGEX_AFTER:
            j = i + 1
            in_class = False
            while True:
                d = text[j]
                if d == "\\":
                    j += 2
                    continue
                if d == "[":
                    in_class = True
                elif d == "]":
                    in_class = False
                elif d == "/" and not in_class:
                    break
                j += 1
            i = j + 1
            last_sig = "/"
            continue
        if c in "({[":
            depth += 1
            if depth == 1:
                entry_start = i + 1
        elif c in ")}]":
            if templates and templates[-1] == depth and c == "}":
                templates.pop()
                depth -= 1
                i = skip_template(text, i + 1, templates, depth)
                last_sig = "`"
                continue
            if depth == 1:
                entries.append(text[entry_start:i])
                return [kv for e in entries if e.strip() for kv in parse_entry(e)]
            depth -= 1
        elif c == "," and depth == 1:
            entries.append(text[entry_start:i])
            entry_start = i + 1
        if not c.isspace():
            last_sig = c
        i += 1
    raise ValueError("unterminated object")


def skip_template(text, i, templates, depth):
    """From just inside a template literal to just after it, or into a ${ ... } (recorded in templates)."""
    while True:
        d = text[i]
        if d == "\\":
            i += 2
        elif d == "`":
            return i + 1
        elif d == "$" and text[i + 1] == "{":
            templates.append(depth + 1)
            return i + 1  # the scanner sees the '{' and opens depth + 1
        else:
            i += 1


def parse_entry(entry):
    """(key, None, description) for `key: value`; for a spread of an object literal (`...flag&&{k:v}`) its keys."""
    spread = re.match(r"\s*\.\.\.", entry)
    if spread:
        inner = re.search(r"\{(?=\s*(?:[A-Za-z_$][\w$]*|\"[^\"]+\")\s*:)", entry)
        if inner:
            return scan_object(entry, inner.start())
        return [] if re.fullmatch(r"\s*\.\.\.!\d\s*", entry) else [(None, entry.strip()[:60], None)]
    m = re.match(r"\s*(?:([A-Za-z_$][\w$]*)|\"([^\"]+)\"|'([^']+)')\s*:", entry)
    if not m:
        return [(None, entry.strip()[:60], None)]
    key = m.group(1) or m.group(2) or m.group(3)
    return [(key, None, last_description(entry[m.end():]))]


def last_description(value):
    """The text of the last .describe("...") at the value's own level (not inside a nested object)."""
    found = None
    depth = 0
    i = 0
    n = len(value)
    while i < n:
        c = value[i]
        if c in "\"'`":
            j = i + 1
            while value[j] != c:
                j += 2 if value[j] == "\\" else 1
            i = j + 1
            continue
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
        elif depth == 0 and value.startswith(".describe(", i):
            m = re.match(r"\.describe\(([\"'`])((?:\\.|(?!\1).)*)\1", value[i:], re.S)
            if m:
                found = unescape(m.group(2))
        i += 1
    return found


def unescape(s):
    return re.sub(r"\\u([0-9a-fA-F]{4})|\\(.)",
                  lambda m: chr(int(m.group(1), 16)) if m.group(1) else {"n": " "}.get(m.group(2), m.group(2)), s)


def settings_keys(data):
    anchor = data.find(b'describe("JSON Schema reference for Claude Code settings")')
    if anchor < 0:
        return None
    start = data.rfind(b"{$schema:", 0, anchor)
    if start < 0:
        return None
    text = data[start:start + 20_000_000].decode("latin-1")  # the object is some 500 kB; the scanner stops at its end
    keys = {}
    unread = []
    for key, unparsed, description in scan_object(text, 0):
        if key is None:
            unread.append(unparsed)
        else:
            keys[key] = description
    return keys, unread


# ---- the catalogue ----

def read_known(path):
    """Known keys: from a plain list ("env NAME" / "setting key") or the tables of docs/claude-code-surface.md."""
    known = set()
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\s*(env|setting)\s+(\S+)\s*$", line)
        if m:
            known.add((m.group(1), m.group(2)))
        m = re.match(r"\|\s*`([^`]+)`\s*\|\s*(env|setting)\s*\|", line)
        if m:
            known.add((m.group(2), m.group(1)))
    return known


def main(argv):
    known_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs", "claude-code-surface.md")
    listing = False
    args = []
    it = iter(argv)
    for a in it:
        if a == "--known":
            known_path = next(it, None)
        elif a == "--list":
            listing = True
        elif a.startswith("-"):
            return usage_error("unknown option " + a)
        else:
            args.append(a)
    if len(args) != 1 or known_path is None:
        return usage_error("usage: claude-code-surface.py [--list | --known FILE] INSTALL")
    bundle, version = find_bundle(args[0])
    with open(bundle, "rb") as f:
        data = f.read()

    env = env_names(data)
    settings, unread = settings_keys(data) or (None, [])
    missing = [a for a in ENV_ANCHORS if a not in env] + \
              [a for a in SETTINGS_ANCHORS if settings is None or a not in settings]
    if missing:
        print("claude-code-surface: cannot read %s (Claude Code %s): not found: %s; the extraction needs updating"
              % (bundle, version, ", ".join(missing)), file=sys.stderr)
        return 3

    relevant = []  # (kind, name, rule, description)
    for name in sorted(env):
        rule = env_rule(name)
        if rule:
            relevant.append(("env", name, rule, None))
    for key in sorted(settings):
        rule = settings_rule(key, settings[key])
        if rule:
            relevant.append(("setting", key, rule, settings[key]))

    print("Claude Code %s (%s): %d environment variables, %d settings keys; relevant: %d variables, %d settings keys"
          % (version, bundle, len(env), len(settings), sum(1 for r in relevant if r[0] == "env"),
             sum(1 for r in relevant if r[0] == "setting")))
    for entry in unread:
        print("note: settings keys computed at run time (from plugins) are not listed: " + entry)
    if listing:
        for kind, name, rule, description in relevant:
            print("%-7s %-55s %s%s" % (kind, name, rule, " -- " + description if description else ""))
        return 0

    known = read_known(known_path) if os.path.isfile(known_path) else set()
    if not known:
        return usage_error("no known keys in " + known_path)
    unknown = [r for r in relevant if (r[0], r[1]) not in known]
    found = set((r[0], r[1]) for r in relevant) | set(("env", n) for n in env) | set(("setting", k) for k in settings)
    absent = sorted(k for k in known if k not in found)
    if absent:
        print("catalogued but not declared by this Claude Code: " + ", ".join(kind + " " + name for kind, name in absent))
    for kind, name, rule, description in unknown:
        print("UNKNOWN %s %s (rule: %s)%s" % (kind, name, rule,
                                              ": " + description[:160] if description else ""))
    if unknown:
        print("%d relevant key(s) the doctor's catalogue (claude/ClaudeCodeSurface) does not know: %s"
              % (len(unknown), ", ".join(r[1] for r in unknown)))
        return 1
    print("every relevant key is in the catalogue (%d known)" % len(known))
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the listing quietly
    sys.exit(main(sys.argv[1:]))
