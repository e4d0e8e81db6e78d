package dev.bedrocksetup.awsconfig;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The hand-written corpus of tricky shared files (src/test/resources/awsconfig/corpus), plus one huge generated file. */
final class Corpus {
    record Entry(String name, AwsFileKind kind, String text) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Corpus() {}

    static List<Entry> all() {
        List<Entry> out = new ArrayList<>();
        try {
            Path dir = Paths.get(Corpus.class.getResource("/awsconfig/corpus").toURI());
            try (Stream<Path> s = Files.list(dir)) {
                for (Path p : s.sorted().toList()) {
                    String n = p.getFileName().toString();
                    AwsFileKind kind = n.endsWith(".credentials") ? AwsFileKind.CREDENTIALS : AwsFileKind.CONFIG;
                    out.add(new Entry(n, kind, new String(Files.readAllBytes(p), StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        out.add(new Entry("99-huge-generated.config", AwsFileKind.CONFIG, huge()));
        return out;
    }

    static List<Entry> configs() {
        return all().stream().filter(e -> e.kind() == AwsFileKind.CONFIG).toList();
    }

    /** About 2,500 sections of every kind, with comments and sub-properties: a large but ordinary file. */
    static String huge() {
        StringBuilder sb = new StringBuilder("# generated: many profiles\n[default]\nregion = us-east-1\n\n");
        for (int i = 0; i < 2500; i++) {
            switch (i % 5) {
                case 0 -> sb.append("[profile p").append(i).append("]\nregion = us-west-2\noutput = json\n");
                case 1 -> sb.append("# session ").append(i).append("\n[sso-session s").append(i)
                        .append("]\nsso_start_url = https://example.awsapps.com/start\nsso_region = us-east-1\n");
                case 2 -> sb.append("[profile p").append(i).append("]\nsso_session = s").append(i - 1)
                        .append("\nsso_account_id = 111122223333\nsso_role_name = R").append(i).append('\n');
                case 3 -> sb.append("[profile p").append(i).append("]\ns3 =\n    addressing_style = path\n"
                        + "    max_concurrent_requests = 5\n; comment\n");
                default -> sb.append("[profile p").append(i).append("]\nrole_arn = arn:aws:iam::111122223333:role/R\n"
                        + "source_profile = p").append(i - 4).append('\n');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
