package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our prediction of "the AWS CLI cannot read this file" must match botocore on every corpus file. */
class CliReadabilityAgreementTest {

    @Test
    void predictionMatchesBotocore(@TempDir Path dir) throws IOException {
        List<Corpus.Entry> all = Corpus.all();
        List<ReferenceReaders.Input> inputs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            Path p = dir.resolve(i + "-" + all.get(i).name());
            Files.write(p, all.get(i).text().getBytes(StandardCharsets.UTF_8));
            inputs.add(new ReferenceReaders.Input(p, all.get(i).kind()));
        }
        List<ReferenceReaders.Reading> readings = ReferenceReaders.botocore(inputs);
        List<String> mismatches = new ArrayList<>();
        int refused = 0;
        for (int i = 0; i < all.size(); i++) {
            Corpus.Entry e = all.get(i);
            boolean cliOk = CliReadabilityCheck.check(AwsConfigDocument.parse(e.text(), e.kind())).isEmpty();
            if (!readings.get(i).ok()) {
                refused++;
            }
            if (cliOk != readings.get(i).ok()) {
                mismatches.add(e.name() + ": botocore " + (readings.get(i).ok() ? "reads it" : readings.get(i).error())
                        + ", we predicted " + (cliOk ? "readable" : "unreadable"));
            }
        }
        assertEquals(List.of(), mismatches);
        assertTrue(refused >= 5, "the corpus should hold files the CLI refuses, found " + refused);
    }
}
