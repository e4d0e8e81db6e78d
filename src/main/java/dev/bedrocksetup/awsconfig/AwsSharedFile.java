package dev.bedrocksetup.awsconfig;

import dev.bedrocksetup.core.BedrockSetupException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One shared file as read: where it is, its text (null: absent), the lossless document, what the Java SDK makes of
 * it, and what is wrong with it for any of the AWS tools.
 */
public final class AwsSharedFile {
    private final Path path;
    private final AwsFileKind kind;
    private final String text;
    private final AwsConfigDocument document;
    private final SdkProfileView sdk;
    private final List<ConfigProblem> problems;

    private AwsSharedFile(Path path, AwsFileKind kind, String text) {
        this.path = path;
        this.kind = kind;
        this.text = text;
        this.document = AwsConfigDocument.parse(text, kind);
        this.sdk = SdkProfileView.read(text, kind);
        List<ConfigProblem> p = new ArrayList<>(CliReadabilityCheck.check(document));
        if (!sdk.readable()) {
            p.add(new ConfigProblem(0, ConfigProblem.Severity.BLOCKING,
                    "the AWS SDK for Java cannot read the file: " + sdk.failure()));
        }
        p.addAll(ReaderDisagreementCheck.check(document, sdk));
        this.problems = Collections.unmodifiableList(p);
    }

    /** {@code text} is the file's content as read by {@code fs/TextFile} (null when the file does not exist). */
    public static AwsSharedFile of(Path path, AwsFileKind kind, String text) {
        return new AwsSharedFile(path, kind, text);
    }

    public Path path() {
        return path;
    }

    public AwsFileKind kind() {
        return kind;
    }

    /** The text as read; null when the file does not exist. */
    public String text() {
        return text;
    }

    public boolean exists() {
        return text != null;
    }

    public AwsConfigDocument document() {
        return document;
    }

    public SdkProfileView sdk() {
        return sdk;
    }

    public List<ConfigProblem> problems() {
        return problems;
    }

    public List<ConfigProblem> blockingProblems() {
        List<ConfigProblem> out = new ArrayList<>();
        for (ConfigProblem p : problems) {
            if (p.blocking()) {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether every AWS tool can read this file and all of them agree on its structure. */
    public boolean readableByAllTools() {
        return blockingProblems().isEmpty();
    }

    /**
     * Refuses (exit 3) to edit a file that an AWS tool already cannot read: editing it would hide the problem, and
     * the user must decide how to repair it. The message names the file and the line.
     */
    public void requireEditable() {
        List<ConfigProblem> blocking = blockingProblems();
        if (blocking.isEmpty()) {
            return;
        }
        ConfigProblem first = blocking.get(0);
        String more = blocking.size() > 1 ? " (and " + (blocking.size() - 1) + " more problem"
                + (blocking.size() > 2 ? "s" : "") + ")" : "";
        throw BedrockSetupException.local(first.describe(path.toString()) + more
                        + "; bedrock-setup will not edit a file the AWS tools cannot all read the same way, nothing "
                        + "was written",
                "repair " + path + (first.line() > 0 ? " at line " + first.line() : "")
                        + " (remove the duplicate or malformed line), then run the command again");
    }

    @Override
    public String toString() {
        return "AwsSharedFile[" + kind.label() + " " + path + (text == null ? ", absent" : "") + ", "
                + problems.size() + " problems]";
    }
}
