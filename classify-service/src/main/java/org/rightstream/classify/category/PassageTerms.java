package org.rightstream.classify.category;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The terms the category model sees: Lucene's English analysis chain (possessives, lower case, ASCII folding,
 * stop words, Porter stems). Terms with digits are dropped: years, counts and paragraph numbers differ from
 * report to report and would only teach the model one report's numbers. Word bigrams were tried and left out:
 * they raised nothing on held-out State Department reports and cost 5-10 points of accuracy on the NGO
 * submission, because they learn one publisher's phrasing (docs/classification.md).
 * Thread-safe: Lucene keeps one token stream per thread.
 */
public final class PassageTerms {
    private static final Analyzer ANALYZER = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream ts = new EnglishPossessiveFilter(source);
            ts = new LowerCaseFilter(ts);
            ts = new ASCIIFoldingFilter(ts);
            ts = new StopFilter(ts, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            ts = new PorterStemFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    };

    private PassageTerms() {
    }

    /** Each term of the text with how often it occurs. */
    public static Map<String, Integer> count(String text) {
        Map<String, Integer> counts = new HashMap<>();
        try (TokenStream ts = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (keep(term)) {
                    counts.merge(term.toString(), 1, Integer::sum);
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading a String does not fail
        }
        return counts;
    }

    private static boolean keep(CharTermAttribute term) {
        for (int i = 0; i < term.length(); i++) {
            char c = term.charAt(i);
            if (Character.isDigit(c)) {
                return false;
            }
        }
        return term.length() > 1;
    }
}
