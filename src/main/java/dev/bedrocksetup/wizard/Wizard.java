package dev.bedrocksetup.wizard;

import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.setup.SetupRequest;
import dev.bedrocksetup.sso.Browser;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * `bedrock-setup init` as a conversation, starting from a {@link SetupRequest}: prerequisites, the AWS profile (an
 * existing one, a new IAM Identity Center profile with login and account/role discovery, a Bedrock API key, or the
 * shell's keys), region, identity, models, credentials, refresh, token limits, scope, then every change as a diff and
 * one confirmation. Each step is its own class; this driver runs them and handles Esc: back one question, or to the
 * previous step that asked something. Ctrl-C leaves with nothing written. Nothing is written before the confirmation
 * (a login's token goes to the token cache, as `aws sso login` does; that is not configuration), and nothing at all
 * on a dry run.
 */
public final class Wizard {
    /** One step of the conversation; it may ask, say, or throw {@link Prompter.Back}. */
    interface Step {
        void run(WizardState s);
    }

    private final WizardState state;
    private final Prompter inner;
    private int questions;

    public Wizard(Environment env, Prompter ask, AwsConfigService config, SettingsService settings, Browser browser,
            Path projectDir, String selfCommand, SetupRequest request, boolean dryRun) {
        this.inner = ask;
        this.state = new WizardState(env, new Counting(), config, settings, browser, projectDir, selfCommand, request,
                dryRun);
    }

    /**
     * Runs the steps; returns true when changes were applied, false when the user declined at the end, there was
     * nothing to change, or it was a dry run. Esc goes back to the previous step that asked something; answers
     * already given are offered again.
     */
    public boolean run() {
        List<Step> steps = List.of(new Prerequisites(), new ProfileStep(), new RegionStep(), new IdentityStep(),
                new ModelsStep(), new CredentialsStep(), new RefreshStep(), new TokensStep(), new ScopeStep());
        Deque<Integer> asked = new ArrayDeque<>();
        int i = 0;
        while (true) {
            int before = questions;
            try {
                if (i == steps.size()) {
                    return new Review().run(state);
                }
                steps.get(i).run(state);
                if (questions > before) {
                    asked.push(i);
                }
                i++;
            } catch (Prompter.Back back) {
                if (questions - before < 2 || i == steps.size()) {
                    i = asked.isEmpty() ? 0 : asked.pop(); // Esc at a step's first question: the previous step
                } // else Esc at a later question of this step: ask this step again, its answers as defaults
            }
        }
    }

    /** Counts the questions a step asks, so going back skips steps that asked nothing. */
    private final class Counting implements Prompter {
        @Override
        public int select(String q, List<String> c, int initial) {
            questions++;
            return inner.select(q, c, initial);
        }

        @Override
        public String text(String q, String d, Function<String, String> v) {
            questions++;
            return inner.text(q, d, v);
        }

        @Override
        public String secret(String q, Function<String, String> v) {
            questions++;
            return inner.secret(q, v);
        }

        @Override
        public boolean confirm(String q, boolean d) {
            questions++;
            return inner.confirm(q, d);
        }

        @Override
        public void say(String line) {
            inner.say(line);
        }
    }
}
