package dev.bedrocksetup.cli;

import dev.bedrocksetup.core.Environment;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Lets picocli's man page generator (run by the build) build the command tree: the root command needs a
 * {@link CliContext}, which the generator cannot make. The context here is inert: the generator only reads the
 * model and never runs a command.
 */
public final class ManPageFactory implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls == RootCommand.Tree.class) {
            PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
            CliContext ctx = new CliContext(Environment.system(), new ByteArrayInputStream(new byte[0]), discard,
                    discard, false);
            return cls.cast(new RootCommand.Tree(ctx));
        }
        return CommandLine.defaultFactory().create(cls);
    }
}
