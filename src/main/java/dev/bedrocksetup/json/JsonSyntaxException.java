package dev.bedrocksetup.json;

/** Text that is not strict JSON, with the 1-based line and column where reading stopped. */
public final class JsonSyntaxException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;
    private final int column;
    private final String reason;

    public JsonSyntaxException(String reason, int line, int column) {
        super(reason + " at line " + line + ", column " + column);
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
