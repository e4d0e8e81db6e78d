package dev.bedrocksetup.awsconfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AwsConfigDocumentRoundTripTest {

    @Test
    void corpusHasAtLeastFortyHandWrittenFiles() {
        assertTrue(Corpus.all().size() - 1 >= 40, "corpus size " + Corpus.all().size());
    }

    @Test
    void everyCorpusFileRendersBackByteForByte() {
        List<Corpus.Entry> all = Corpus.all();
        for (Corpus.Entry e : all) {
            AwsConfigDocument doc = AwsConfigDocument.parse(e.text(), e.kind());
            assertArrayEquals(e.text().getBytes(StandardCharsets.UTF_8),
                    doc.render().getBytes(StandardCharsets.UTF_8), e.name());
        }
    }

    @Test
    void lineEndingsAndMissingFinalNewlineAreKeptPerLine() {
        String text = "[a]\r\nk = v\nx = y";
        AwsConfigDocument doc = AwsConfigDocument.parse(text, AwsFileKind.CONFIG);
        assertEquals(3, doc.lineCount());
        assertEquals("\r\n", doc.line(0).ending());
        assertEquals("\n", doc.line(1).ending());
        assertEquals("", doc.line(2).ending());
        assertEquals(text, doc.render());
    }

    @Test
    void emptyAndNullAreEmptyDocuments() {
        assertEquals("", AwsConfigDocument.parse(null, AwsFileKind.CONFIG).render());
        assertEquals(0, AwsConfigDocument.parse("", AwsFileKind.CONFIG).lineCount());
    }
}
