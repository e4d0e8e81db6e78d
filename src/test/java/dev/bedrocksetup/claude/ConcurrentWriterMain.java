package dev.bedrocksetup.claude;

import dev.bedrocksetup.core.Environment;
import dev.bedrocksetup.fs.AtomicFileWriter;
import dev.bedrocksetup.fs.ChangeApplier;
import dev.bedrocksetup.json.JsonText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Child process for {@link ConcurrentWritersTest}: sets its own env key again and again in one settings file. */
public final class ConcurrentWriterMain {
    private ConcurrentWriterMain() {}

    public static void main(String[] args) {
        Environment env = Environment.forTest(Path.of(args[0]), Map.of("HOME", args[0]));
        String key = args[1];
        int count = Integer.parseInt(args[2]);
        SettingsService service = new SettingsService(env, new ChangeApplier(env.stateDirectory(),
                new AtomicFileWriter(), env.clock(), Duration.ofSeconds(60)));
        for (int i = 1; i <= count; i++) {
            String value = JsonText.quote("v" + i);
            service.apply(SettingsScope.USER, null, (editor, notes) -> Map.of(List.of("env", key), value), "test",
                    false);
        }
        System.out.println("done " + key);
    }
}
