package dev.bedrocksetup.core;

/**
 * An error the user can act on: a one-line message, an optional fix, and the exit code of the contract.
 * Anything else that escapes a command is a bug and is reported as one.
 */
public class BedrockSetupException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;
    private final String fix;

    public BedrockSetupException(int exitCode, String message, String fix, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.fix = fix;
    }

    public int exitCode() {
        return exitCode;
    }

    /** What to do about it, or null. */
    public String fix() {
        return fix;
    }

    /** Bad usage or bad input: exit 2. */
    public static BedrockSetupException usage(String message, String fix) {
        return new BedrockSetupException(ExitCode.USAGE, message, fix, null);
    }

    /** A local file or permission problem: exit 3. */
    public static BedrockSetupException local(String message, String fix) {
        return new BedrockSetupException(ExitCode.LOCAL, message, fix, null);
    }

    public static BedrockSetupException local(String message, String fix, Throwable cause) {
        return new BedrockSetupException(ExitCode.LOCAL, message, fix, cause);
    }

    /** An AWS or network error: exit 4. */
    public static BedrockSetupException aws(String message, String fix, Throwable cause) {
        return new BedrockSetupException(ExitCode.AWS, message, fix, cause);
    }
}
