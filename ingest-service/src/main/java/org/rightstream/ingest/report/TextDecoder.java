package org.rightstream.ingest.report;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * Turns plain-text report bytes into normalised text: strict UTF-8 (an invalid byte is an error,
 * never a silent replacement character), compatibility normalisation (ligatures, non-breaking
 * spaces), Unix line ends, no trailing spaces, whitespace-only lines emptied so paragraphs show.
 */
public final class TextDecoder {
    private TextDecoder() {
    }

    public static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ReportRejectedException(ReportRejectedException.Reason.UNREADABLE,
                    "the file is not valid UTF-8 text (" + e.getMessage() + "); save it as UTF-8 or upload the original PDF/DOCX");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ReportRejectedException(ReportRejectedException.Reason.UNSUPPORTED_TYPE,
                    "the file contains binary data (NUL bytes), not text");
        }
        return normalise(text);
    }

    static String normalise(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        t = Normalizer.normalize(t, Normalizer.Form.NFKC);
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        t = t.replaceAll("[ \\t\\u00A0\\u2007\\u202F]+\\n", "\n");
        return t.strip();
    }
}
