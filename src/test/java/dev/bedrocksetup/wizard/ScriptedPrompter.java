package dev.bedrocksetup.wizard;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * Answers from a script, for tests: for a select, the label to pick (or a prefix of it; "" takes the item the list
 * opens on); for text, the text ("" takes
 * the default); for confirm, "y" or "n"; "<back>" is Esc and "<cancel>" is Ctrl-C at that question. Records every
 * question and message so tests can assert what the user saw.
 */
public final class ScriptedPrompter implements Prompter {
    private final Deque<String> answers;
    public final List<String> transcript = new ArrayList<>();

    public ScriptedPrompter(String... answers) {
        this.answers = new ArrayDeque<>(List.of(answers));
    }

    private String next(String question) {
        if (answers.isEmpty()) {
            throw new AssertionError("the script has no answer for: " + question + "\n" + String.join("\n", transcript));
        }
        String a = answers.poll();
        transcript.add("? " + question + " -> " + a);
        if (a.equals("<back>")) {
            throw new Back();
        }
        if (a.equals("<cancel>")) {
            throw new Cancelled();
        }
        return a;
    }

    @Override
    public int select(String question, List<String> choices, int initial) {
        String a = next(question + " " + choices);
        if (a.isEmpty()) {
            return initial; // Enter: the item the list opened on
        }
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).equals(a)) {
                return i;
            }
        }
        for (int i = 0; i < choices.size(); i++) {
            if (choices.get(i).startsWith(a)) {
                return i;
            }
        }
        throw new AssertionError("no choice '" + a + "' in " + choices);
    }

    @Override
    public String text(String question, String dflt, Function<String, String> validate) {
        String a = next(question);
        String value = a.isEmpty() && dflt != null ? dflt : a;
        String error = validate.apply(value);
        if (error != null) {
            transcript.add("! " + error);
            return text(question, dflt, validate);
        }
        return value;
    }

    @Override
    public String secret(String question, Function<String, String> validate) {
        if (answers.isEmpty()) {
            throw new AssertionError("the script has no answer for: " + question);
        }
        String a = answers.poll();
        transcript.add("? " + question + " -> (secret)");
        if (a.equals("<back>")) {
            throw new Back();
        }
        if (a.equals("<cancel>")) {
            throw new Cancelled();
        }
        String error = validate.apply(a);
        if (error != null) {
            transcript.add("! " + error);
            return secret(question, validate);
        }
        return a;
    }

    @Override
    public boolean confirm(String question, boolean dflt) {
        String a = next(question);
        return a.isEmpty() ? dflt : a.toLowerCase().startsWith("y");
    }

    @Override
    public void say(String line) {
        transcript.add(line);
    }

    public boolean finished() {
        return answers.isEmpty();
    }
}
