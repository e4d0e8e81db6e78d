package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.BedrockSetupException;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.core.TerminalText;
import dev.bedrocksetup.setup.NextSteps;
import dev.bedrocksetup.setup.SetupRequest;
import dev.bedrocksetup.standin.Scenario;
import dev.bedrocksetup.standin.StandInServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * `init --demo`: the whole of init against the built-in AWS stand-in, in a throw-away home: a demo IAM Identity
 * Center portal (device code approved by itself), one account, one role; nothing outside the temporary directory is
 * touched.
 */
final class InitDemo {
    static final String START_URL = "https://example.awsapps.com/start";
    private static final String SOURCE = "the demo";

    private InitDemo() {}

    /**
     * Runs {@code init} (given the demo's context and the request with the demo's answers filled in for --yes) in the
     * sandbox, and says where its files are.
     */
    static int run(CliContext ctx, SetupRequest request, boolean yes, BiFunction<CliContext, SetupRequest, Integer> init) {
        Path home;
        try {
            home = Files.createTempDirectory("bedrock-setup-demo-");
        } catch (IOException e) {
            throw BedrockSetupException.local("cannot create a temporary home for the demo: " + e.getMessage(), null, e);
        }
        Scenario scenario = Scenario.demo(ctx.env.clock()).approveDeviceAfterPolls(1);
        try (StandInServer server = StandInServer.start(scenario)) {
            String base = server.baseUri().toString();
            Map<String, String> vars = new HashMap<>();
            for (String keep : new String[] {"PATH", "TERM", "LANG", "LC_ALL", "LC_CTYPE", "NO_COLOR"}) {
                if (ctx.env.get(keep) != null) {
                    vars.put(keep, ctx.env.get(keep));
                }
            }
            vars.put("HOME", home.toString());
            vars.put(NextSteps.DEMO_HOME, home.toString());
            vars.put("BEDROCK_SETUP_MANAGED_SETTINGS", home.resolve("managed-settings.json").toString());
            for (String svc : new String[] {"SSO", "SSO_OIDC", "STS", "BEDROCK", "BEDROCK_RUNTIME"}) {
                vars.put("AWS_ENDPOINT_URL_" + svc, base);
            }
            Environment demoEnv = new Environment(vars, home, home, Environment.Os.LINUX, ctx.env.clock());
            String opening = "Demo: a built-in AWS stand-in at " + base + " and a throw-away home " + home + ".\n"
                    + "Use the start URL " + START_URL + "; the login approves itself.";
            for (String row : TerminalText.wrap(opening, ctx.outputColumns())) {
                ctx.err.println(row.startsWith("Demo:") ? ctx.style.bold("Demo") + row.substring(4) : row);
            }
            int code = init.apply(ctx.withEnv(demoEnv), yes ? withDemoAnswers(request) : request);
            if (Files.exists(home.resolve(".aws/config")) || Files.exists(home.resolve(".claude/settings.json"))) {
                ctx.err.println("Demo files are in " + home + " (.aws/config, .claude/settings.json); nothing else "
                        + "was touched.");
            } else {
                // cancelled, declined or failed before writing: no files to point at, so the home goes too
                ctx.err.println("Demo: no setup was written, and its throw-away home is removed.");
                removeTree(home);
            }
            return code;
        }
    }

    /** Deletes the demo's own temporary home (it holds at most the demo login's token cache). */
    private static void removeTree(Path home) {
        try (var paths = Files.walk(home)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary directory left behind: the system cleans it up
        }
    }

    /** For --yes: the demo portal, region and models, where no flag or preset gave them. */
    private static SetupRequest withDemoAnswers(SetupRequest r) {
        if (!r.given("sso-start-url").answered() && !r.given("profile").answered()) {
            r = r.with("sso-start-url", START_URL, SOURCE);
            if (!r.given("sso-region").answered()) {
                r = r.with("sso-region", "us-east-1", SOURCE);
            }
        }
        for (String[] answer : new String[][] {{"region", "us-west-2"},
            {"model", "us.anthropic.claude-sonnet-4-5-20250929-v1:0"},
            {"haiku-model", "us.anthropic.claude-haiku-4-5-20251001-v1:0"}}) {
            if (!r.given(answer[0]).answered()) {
                r = r.with(answer[0], answer[1], SOURCE);
            }
        }
        return r;
    }
}
