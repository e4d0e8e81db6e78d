package dev.bedrocksetup.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.testing.StandInHome;
import dev.bedrocksetup.testing.TempHome;
import dev.bedrocksetup.testing.TempHome.Run;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The completion scripts load in their shells and complete what a user types, option names and option values. */
class CompletionScriptTest {
    @TempDir
    Path dir;
    TempHome home;

    @BeforeEach
    void setUp() {
        home = new TempHome(dir);
    }

    private Path script(String shell) throws IOException {
        Run r = home.run("completion", shell);
        assertEquals(0, r.exit, r.toString());
        assertEquals("", r.err, "a completion script is all stdout");
        return Files.writeString(dir.resolve("bedrock-setup." + shell), r.out, StandardCharsets.UTF_8);
    }

    /** Runs a shell command line; returns its stdout, failing the test on a non-zero exit. */
    private static String shell(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "shell finished");
        assertEquals(0, p.exitValue(), output);
        return output;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** What bash offers after the words typed; compopt only works inside real completion, so it is stubbed. */
    private String bashOffers(Path script, String... words) throws Exception {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add("'" + w + "'");
        }
        String driver = "source '" + script + "'\n"
                + "compopt() { :; }\n"
                + toolFunction()
                + "COMP_WORDS=(" + String.join(" ", quoted) + ")\n"
                + "COMP_CWORD=" + (words.length - 1) + "\n"
                + "COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}\n"
                + "$(complete -p bedrock-setup | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return shell("bash", "-c", driver);
    }

    @Test
    void bashScriptIsValidAndCompletesOptionNamesAndValues() throws Exception {
        Path script = script("bash");
        shell("bash", "-n", script.toString());
        assertEquals(List.of("--scope"), lines(bashOffers(script, "bedrock-setup", "init", "--sco")));
        assertEquals(List.of("1h", "5m", "off"),
                lines(bashOffers(script, "bedrock-setup", "init", "--prompt-caching", "")));
        assertEquals(List.of("user", "project", "local", "managed"),
                lines(bashOffers(script, "bedrock-setup", "init", "--scope", "")));
        assertEquals(List.of("export"), lines(bashOffers(script, "bedrock-setup", "setup", "--credentials", "ex")));
        assertEquals(List.of("login", "aws-cli", "none"),
                lines(bashOffers(script, "bedrock-setup", "init", "--auth-refresh", "")));
        assertEquals(List.of("bash", "zsh", "fish"), lines(bashOffers(script, "bedrock-setup", "completion", "")));
        assertTrue(lines(bashOffers(script, "bedrock-setup", "")).containsAll(
                List.of("init", "setup", "verify", "doctor", "reset", "login", "models", "export-credentials",
                        "policy", "completion")));
    }

    /**
     * A shell function named like the tool that runs this build's classes in the test's home: what the scripts call
     * at TAB time for profiles and model IDs.
     */
    private String toolFunction() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return "bedrock-setup() { HOME='" + home.home + "' XDG_CACHE_HOME= '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.bedrocksetup.Main \"$@\"; }\n";
    }

    /** A profile in each AWS file, and a model catalogue read from the stand-in (which fills the completion cache). */
    private void profilesAndACatalogueRead() throws Exception {
        home.write(".aws/config", "[profile dev]\nregion = us-east-1\n\n[default]\nregion = eu-west-1\n");
        try (StandInHome stand = new StandInHome(home.home)) {
            stand.userKeys("keys", "dev");
            Run models = stand.home.run("models", "--profile", "keys", "--region", "us-east-1");
            assertEquals(0, models.exit, models.toString());
        }
    }

    @Test
    void bashCompletesProfilesRegionsAndTheModelsOfTheLastCatalogueRead() throws Exception {
        profilesAndACatalogueRead();
        Path script = script("bash");
        assertEquals(List.of("default", "dev", "keys"),
                lines(bashOffers(script, "bedrock-setup", "init", "--profile", "")).stream().sorted().toList());
        assertEquals(List.of("keys"), lines(bashOffers(script, "bedrock-setup", "doctor", "--profile", "k")));
        List<String> regions = lines(bashOffers(script, "bedrock-setup", "init", "--region", "sa-"));
        assertEquals(List.of("sa-east-1"), regions);
        List<String> models = lines(bashOffers(script, "bedrock-setup", "init", "--model", "us.anthropic.claude-son"));
        assertTrue(models.contains("us.anthropic.claude-sonnet-4-5-20250929-v1:0"), models.toString());
        assertTrue(models.stream().allMatch(m -> m.startsWith("us.anthropic.claude-son")), models.toString());
        assertTrue(lines(bashOffers(script, "bedrock-setup", "init", "--haiku-model", "")).stream()
                .anyMatch(m -> m.contains("haiku")), "every tier option completes model IDs");
        String cache = Files.readString(dev.bedrocksetup.bedrock.ModelIdCache.file(home.env()));
        assertTrue(cache.lines().allMatch(l -> l.matches("us-east-1\t[a-z.]+anthropic\\.claude[a-z0-9.:-]+")),
                "region and ID only: " + cache);
    }

    @Test
    void zshGetsAZshScriptThatCompletesProfilesRegionsAndModels() throws Exception {
        profilesAndACatalogueRead();
        Path script = script("zsh");
        String text = Files.readString(script);
        assertTrue(text.startsWith("#compdef bedrock-setup\n"), text);
        assertTrue(!text.contains("bashcompinit") && !text.contains("COMPREPLY"), "not bash's script");
        assertTrue(text.contains("'--profile=[The AWS profile"), text);
        assertTrue(text.contains(":P:_bedrock-setup_values profiles'"), text);
        assertTrue(text.contains(":ID:_bedrock-setup_values models'"), text);
        assertTrue(text.contains(":R:(af-south-1 ") && text.contains(" sa-east-1 "), "regions");
        assertTrue(text.contains(":SCOPE:(user project local managed)'"), text);
        dev.bedrocksetup.testing.ExternalTools.requireCommand("zsh", "apt-get install zsh");
        shell("zsh", "-n", script.toString());
        // loaded as the help says; -f keeps the machine's own zsh configuration out. compadd is stubbed to print
        // what the value function offers (outside a TAB press compadd cannot run).
        String load = "autoload -U +X compinit && compinit -u; source '" + script + "';"
                + " print -r -- \"registered: $_comps[bedrock-setup]\";"
                + toolFunction().replace("\n", ";")
                + " compadd() { print -rl -- \"${(@P)${@[-1]}}\" };"
                + " _bedrock-setup_values profiles; print -- '--'; _bedrock-setup_values models";
        String[] parts = shell("zsh", "-f", "-c", load).split("--\n");
        assertTrue(parts[0].startsWith("registered: _bedrock-setup\n"), parts[0]);
        assertEquals(List.of("default", "dev", "keys"), lines(parts[0]).subList(1, 4).stream().sorted().toList());
        assertTrue(lines(parts[1]).contains("us.anthropic.claude-sonnet-4-5-20250929-v1:0"), parts[1]);
    }

    @Test
    void fishCompletesProfilesAndModelsAtTabTime() throws Exception {
        dev.bedrocksetup.testing.ExternalTools.requireCommand("fish", "apt-get install fish");
        profilesAndACatalogueRead();
        Path script = script("fish");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String tool = "function bedrock-setup; env HOME='" + home.home + "' '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' dev.bedrocksetup.Main $argv; end; ";
        String complete = tool + "source '" + script + "'; complete -C 'bedrock-setup init --profile '; echo ==;"
                + " complete -C 'bedrock-setup init --model us.anthropic.claude-son'; echo ==;"
                + " complete -C 'bedrock-setup models --region sa-'";
        String[] parts = shell("fish", "--no-config", "-c", complete).split("==\n");
        assertEquals(List.of("default", "dev", "keys"), names(parts[0]));
        assertTrue(names(parts[1]).contains("us.anthropic.claude-sonnet-4-5-20250929-v1:0"), parts[1]);
        assertEquals(List.of("sa-east-1"), names(parts[2]));
    }

    @Test
    void fishScriptDeclaresEverySubcommandAndTheOptionValues() throws Exception {
        List<String> lines = lines(Files.readString(script("fish")));
        for (String line : lines) {
            assertTrue(line.isEmpty() || line.startsWith("#") || line.startsWith("complete -c bedrock-setup "), line);
        }
        for (String sub : new String[] {"init", "verify", "doctor", "reset", "login", "models", "export-credentials",
            "policy", "completion"}) {
            String offered = "complete -c bedrock-setup -n __fish_use_subcommand -a " + sub + " -d ";
            assertTrue(lines.stream().anyMatch(l -> l.startsWith(offered)), sub);
        }
        assertTrue(lines.contains("complete -c bedrock-setup -n '__fish_seen_subcommand_from init setup' -l scope"
                + " -x -a 'user project local managed' -d 'user (default), project, local or managed.'"), "--scope");
        assertTrue(lines.stream().anyMatch(l -> l.contains("-l credentials -x -a 'env export'")), "--credentials");
        assertTrue(lines.stream().anyMatch(l -> l.contains("-l auth-refresh -x -a 'login aws-cli none'")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("-l project-dir -r -F")), "directories complete as files");
    }

    @Test
    void fishLoadsTheScriptAndCompletesLikeAUserTypes() throws Exception {
        dev.bedrocksetup.testing.ExternalTools.requireCommand("fish", "apt-get install fish");
        Path script = script("fish");
        shell("fish", "--no-execute", script.toString());
        String complete = "source '" + script + "'; complete -C 'bedrock-setup init --sco'; echo ==;"
                + " complete -C 'bedrock-setup init --scope '; echo ==; complete -C 'bedrock-setup export-cr'";
        String[] parts = shell("fish", "--no-config", "-c", complete).split("==\n");
        assertEquals(List.of("--scope"), names(parts[0]));
        assertEquals(List.of("local", "managed", "project", "user"), names(parts[1]));
        assertEquals(List.of("export-credentials"), names(parts[2]));
    }

    private static List<String> lines(String s) {
        List<String> out = new ArrayList<>(Arrays.asList(s.split("\n", -1)));
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /** fish prints "candidate<TAB>description"; only the candidates matter here. */
    private static List<String> names(String s) {
        List<String> out = new ArrayList<>();
        for (String l : lines(s)) {
            out.add(l.split("\t")[0]);
        }
        return out;
    }
}
