package dev.bedrocksetup.setup;

/**
 * One answer of a setup request and where it came from, so the wizard can show "eu-west-1 (from --region)" and every
 * command can say which file its profile and region were taken from. A null value means "not answered".
 *
 * @param value the answer, or null
 * @param source where it came from, in the words shown to the user: "--region", "preset team.json",
 *     "~/.claude/settings.json", "the shell environment", "default"
 */
public record Answer<T>(T value, String source) {
    private static final Answer<?> NONE = new Answer<>(null, null);

    @SuppressWarnings("unchecked")
    public static <T> Answer<T> none() {
        return (Answer<T>) NONE;
    }

    public static <T> Answer<T> of(T value, String source) {
        return value == null ? none() : new Answer<>(value, source);
    }

    public boolean answered() {
        return value != null;
    }

    /** This answer when given, else the other: how flags beat a preset, which beats the setup in force. */
    public Answer<T> or(Answer<T> other) {
        return answered() ? this : other;
    }
}
