import dev.bedrocksetup.cli.BedrockSetup;
import dev.bedrocksetup.core.Environment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * Runs a bedrock-setup command several times in one JVM and prints each run's milliseconds, so the benchmark can
 * tell the command's own time (warm runs) from the JVM's and the SDK's one-off start-up (first run).
 * Usage: java -cp bedrock-setup.jar bench/CommandTiming.java RUNS ARGS...
 */
public class CommandTiming {
    public static void main(String[] args) {
        int runs = Integer.parseInt(args[0]);
        String[] command = java.util.Arrays.copyOfRange(args, 1, args.length);
        Environment env = Environment.system();
        for (int i = 0; i < runs; i++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            long start = System.nanoTime();
            int code = BedrockSetup.run(env, new ByteArrayInputStream(new byte[0]), out, err, false, command);
            long ms = (System.nanoTime() - start) / 1_000_000;
            if (code != 0) {
                System.err.print(err);
                System.exit(code);
            }
            System.out.println(ms);
        }
    }
}
