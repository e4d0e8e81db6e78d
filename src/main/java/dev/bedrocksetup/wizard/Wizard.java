package dev.bedrocksetup.wizard;

import dev.bedrocksetup.awsconfig.AwsConfigService;
import dev.bedrocksetup.claude.SettingsService;
import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.setup.SetupRequest;
import dev.bedrocksetup.sso.Browser;
import java.nio.file.Path;
import dev.bedrocksetup.core.Progress;
import dev.bedrocksetup.core.Style;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * `bedrock-setup init` as a conversation, starting from a {@link SetupRequest}: prerequisites, the AWS profile (an
 * existing one, a new IAM Identity Center profile with login and account/role discovery, a Bedrock API key, or the
 * shell's keys), region, identity and the primary model; then the summary ({@link Review}) with every other answer at
 * its default and every change as a diff, and one question: Proceed, Customize or Cancel (decision 0037). Each step is its own class; this driver runs them and handles Esc: back exactly one question,
 * within the step or to the last question of the previous step that asked something. Ctrl-C leaves with nothing
 * written. Nothing is written before the confirmation (a login's token goes to the token cache, as `aws sso login`
 * does; that is not configuration), and nothing at all
 * on a dry run.
 */
public final class Wizard {
    /** One step of the conversation; it may ask, say, or throw {@link Prompter.Back}. */
    interface Step {
        void run(WizardState s);
    }

    private final WizardState state;
    private final Prompter inner;
    /** Per step, the answers its last runs gave, in the order asked: replayed or offered as defaults after Esc. */
    private final Map<Integer, List<Answered>> answers = new HashMap<>();
    private List<Answered> recorded = new ArrayList<>();
    private int replay;
    private int asked;

    /** One answer: the question, and the label picked, the text typed or the yes/no given (never a secret). */
    private record Answered(String question, Object value) {
    }

    public Wizard(Environment env, Prompter ask, AwsConfigService config, SettingsService settings, Browser browser,
            Path projectDir, String selfCommand, SetupRequest request, boolean dryRun) {
        this.inner = ask;
        this.state = new WizardState(env, new Replaying(), config, settings, browser, projectDir, selfCommand, request,
                dryRun);
    }

    /**
     * Runs the steps; returns true when changes were applied, false when the user declined at the end, there was
     * nothing to change, or it was a dry run. Esc goes back exactly one question: the step that asked it runs again,
     * its answers before that question given back without asking, that question asked with its answer as the
     * default (and every later answer kept as the default when asked again).
     */
    public boolean run() {
        List<Step> steps = List.of(new Prerequisites(), new ProfileStep(), new RegionStep(), new IdentityStep(),
                new ModelsStep());
        Deque<Integer> stepsThatAsked = new ArrayDeque<>();
        Map<Integer, Integer> questionsOf = new HashMap<>();
        int i = 0;
        while (true) {
            recorded = answers.computeIfAbsent(i, k -> new ArrayList<>());
            asked = 0;
            try {
                if (i == steps.size()) {
                    return new Review().run(state);
                }
                steps.get(i).run(state);
                replay = 0;
                if (asked > 0) {
                    stepsThatAsked.push(i);
                    questionsOf.put(i, asked);
                }
                i++;
            } catch (Prompter.Back back) {
                state.customizing = false; // a step before the summary takes its defaults again
                int answeredHere = asked - 1; // the question Esc was pressed at is not answered
                if (answeredHere > 0) {
                    replay = answeredHere - 1; // this step again, up to the question before
                } else {
                    i = stepsThatAsked.isEmpty() ? 0 : stepsThatAsked.pop(); // the previous step that asked
                    replay = Math.max(0, questionsOf.getOrDefault(i, 1) - 1);
                }
            }
        }
    }

    /** The answer recorded for the {@code at}th question of this step when it was the same question, else null. */
    private Object earlier(int at, String question) {
        return at < recorded.size() && recorded.get(at) != null && recorded.get(at).question().equals(question)
                ? recorded.get(at).value() : null;
    }

    private void record(int at, String question, Object value) {
        while (recorded.size() <= at) {
            recorded.add(null);
        }
        recorded.set(at, new Answered(question, value));
    }

    /**
     * Counts the questions a step asks, replays the answers before the one Esc went back to, and offers every
     * recorded answer as the default.
     */
    private final class Replaying implements Prompter {
        @Override
        public int select(String q, List<String> c, int initial) {
            int at = asked++;
            Object before = earlier(at, q);
            int previous = before == null ? -1 : c.indexOf(before);
            if (at < replay && previous >= 0) {
                return previous;
            }
            int picked = inner.select(q, c, previous >= 0 ? previous : initial);
            record(at, q, c.get(picked));
            return picked;
        }

        @Override
        public String text(String q, String d, Function<String, String> v) {
            int at = asked++;
            Object before = earlier(at, q);
            if (at < replay && before != null && v.apply((String) before) == null) {
                return (String) before;
            }
            String typed = inner.text(q, before != null ? (String) before : d, v);
            record(at, q, typed);
            return typed;
        }

        @Override
        public String secret(String q, Function<String, String> v) {
            asked++; // a secret is never kept: asked again
            return inner.secret(q, v);
        }

        @Override
        public boolean confirm(String q, boolean d) {
            int at = asked++;
            Object before = earlier(at, q);
            if (at < replay && before != null) {
                return (Boolean) before;
            }
            boolean yes = inner.confirm(q, before != null ? (Boolean) before : d);
            record(at, q, yes);
            return yes;
        }

        @Override
        public void say(String line) {
            inner.say(line);
        }

        @Override
        public Style style() {
            return inner.style();
        }

        @Override
        public Progress waiting(String what) {
            return inner.waiting(what);
        }
    }
}
