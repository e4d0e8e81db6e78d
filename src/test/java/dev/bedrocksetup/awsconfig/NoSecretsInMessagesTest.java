package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.bedrocksetup.core.BedrockSetupException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** No aws_secret_access_key or aws_session_token value ever appears in a message, a note or a toString. */
class NoSecretsInMessagesTest {
    private static final Pattern SECRET = Pattern.compile(
            "(?im)^\\s*(aws_secret_access_key|aws_session_token)\\s*[=:]\\s*(\\S+)");

    @Test
    void noCorpusSecretLeaksIntoAnythingWeSay() {
        List<String> secrets = new ArrayList<>();
        List<String> said = new ArrayList<>();
        String extra = "[default]\naws_secret_access_key\n[x]\naws_session_token = tok/SECRETSESSIONVALUE+1\n"
                + "aws_secret_access_key: SECRETCOLONVALUE\n";
        // the generated huge file holds no secrets; leaving it out keeps this test fast
        List<Corpus.Entry> all = new ArrayList<>(Corpus.all().stream().filter(e -> !e.name().startsWith("99")).toList());
        all.add(new Corpus.Entry("broken-secrets.credentials", AwsFileKind.CREDENTIALS, extra));
        all.add(new Corpus.Entry("broken-secrets.config", AwsFileKind.CONFIG, extra));
        for (Corpus.Entry e : all) {
            Matcher m = SECRET.matcher(e.text());
            while (m.find()) {
                secrets.add(m.group(2));
            }
            AwsSharedFile f = AwsSharedFile.of(Path.of("/h/.aws/" + e.name()), e.kind(), e.text());
            said.add(f.toString());
            said.add(f.document().toString());
            f.document().lines().forEach(l -> said.add(l.toString()));
            f.problems().forEach(p -> said.add(p.toString()));
            AwsSharedFile config = e.kind() == AwsFileKind.CONFIG ? f
                    : AwsSharedFile.of(Path.of("/h/.aws/config"), AwsFileKind.CONFIG, "");
            AwsSharedFile creds = e.kind() == AwsFileKind.CREDENTIALS ? f : null;
            ProfileCatalog.list(config, creds).forEach(s -> said.add(s.toString()));
            for (ConfigSection s : f.document().sections()) {
                said.addAll(StaticKeyShadowing.warnings(creds, s.name().name()));
                try {
                    said.add(SsoProfileEditor.planSetRegion(config, s.name().name(), "us-east-1").toString());
                } catch (BedrockSetupException ex) {
                    said.add(ex.getMessage() + " " + ex.fix());
                }
            }
            try {
                AwsConfigEdit edit = SsoProfileEditor.planCreate(config, creds, new SsoProfileRequest("keys",
                        "s", EditPlans.URL, "us-east-1", EditPlans.ACCOUNT, "R", "us-east-1"));
                said.addAll(edit.notes());
                said.add(edit.toString());
            } catch (BedrockSetupException ex) {
                said.add(ex.getMessage() + " " + ex.fix());
            }
        }
        assertTrue(secrets.size() >= 5, "the corpus should hold secrets to look for: " + secrets.size());
        List<String> leaks = new ArrayList<>();
        for (String text : said) {
            for (String secret : secrets) {
                if (text != null && text.contains(secret)) {
                    leaks.add(text);
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
