package org.rightstream.query.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UserQueryTest {

    private static String sqs(String q) {
        return UserQuery.toSimpleQueryString(q);
    }

    @Test
    void wordsAreAllRequired() {
        assertThat(sqs("police torture")).isEqualTo("police + torture");
        assertThat(sqs("  police \t torture  ")).isEqualTo("police + torture");
    }

    @Test
    void quotedPhrasesStayTogether() {
        assertThat(sqs("\"pretrial detention\" Almaty")).isEqualTo("\"pretrial detention\" + Almaty");
        assertThat(sqs("\"  pretrial \n detention \"")).isEqualTo("\"pretrial detention\"");
    }

    @Test
    void upperCaseOperatorsAsPeopleTypeThem() {
        assertThat(sqs("torture AND police")).isEqualTo("torture + police");
        assertThat(sqs("torture OR beating")).isEqualTo("torture | beating");
        assertThat(sqs("torture NOT police")).isEqualTo("torture + -police");
        assertThat(sqs("torture -police")).isEqualTo("torture + -police");
        assertThat(sqs("torture !police")).isEqualTo("torture + -police");
        assertThat(sqs("torture | beating || abuse")).isEqualTo("torture | beating | abuse");
        assertThat(sqs("torture && police")).isEqualTo("torture + police");
        assertThat(sqs("+torture +police")).isEqualTo("torture + police");
        assertThat(sqs("NOT \"death penalty\"")).isEqualTo("-\"death penalty\"");
    }

    @Test
    void lowerCaseOperatorWordsAreWords() {
        assertThat(sqs("law and order")).isEqualTo("law + and + order");
        assertThat(sqs("not or")).isEqualTo("not + or");
    }

    @Test
    void orBindsTighterThanAnd() {
        assertThat(sqs("police torture OR beating")).isEqualTo("police + (torture | beating)");
        assertThat(sqs("torture OR beating police")).isEqualTo("(torture | beating) + police");
        assertThat(sqs("a AND b OR c")).isEqualTo("a + (b | c)");
    }

    @Test
    void parenthesesGroup() {
        assertThat(sqs("(police AND torture) OR beating")).isEqualTo("(police + torture) | beating");
        assertThat(sqs("-(police OR army) torture")).isEqualTo("-(police | army) + torture");
        assertThat(sqs("((((torture))))")).isEqualTo("torture");
        assertThat(sqs("(a OR (b OR c))")).isEqualTo("a | b | c");
    }

    @Test
    void prefixSearch() {
        assertThat(sqs("tortur*")).isEqualTo("tortur*");
        assertThat(sqs("tortur** police")).isEqualTo("tortur* + police");
    }

    @Test
    void hyphensAndOtherPunctuationInsideWordsAreText() {
        assertThat(sqs("Kassym-Jomart")).isEqualTo("Kassym\\-Jomart");
        assertThat(sqs("C++")).isEqualTo("C\\+\\+");
        assertThat(sqs("article:19")).isEqualTo("article\\:19");
        assertThat(sqs("a/b [c] {d} e~2 f^3 g?")).isEqualTo("a\\/b + \\[c\\] + \\{d\\} + e\\~2 + f\\^3 + g\\?");
        assertThat(sqs("back\\slash")).isEqualTo("back\\\\slash");
        assertThat(sqs("\"say \\\"x\"")).isEqualTo("\"say \\\\\" + x");
    }

    @Test
    void nonLatinLettersAreWords() {
        assertThat(sqs("Қазақстан пытки")).isEqualTo("Қазақстан + пытки");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\"", "\"\"", "()", ")(", "AND", "OR NOT", "-", "*", ":", "\\", "/", "[", "{",
            "~", "^", "!!", "|", "&&", "+", "( ) \" \"", "NOT"})
    void nothingToSearchForIsEmpty(String q) {
        assertThat(sqs(q)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "\"a\" AND (b OR ;\"a\" + b",
            "torture AND;torture",
            "OR torture;torture",
            "torture OR;torture",
            "torture AND OR police;torture + police",
            ") torture (;torture",
            "torture) police;torture + police",
            "\"unclosed phrase;\"unclosed phrase\"",
            "NOT NOT torture;torture",
            "NOT NOT NOT torture;-torture",
            "a(b]{c}~^:/\\ \"unclosed AND OR NOT -;a + b\\]\\{c\\}\\~\\^\\:\\/\\\\ + \"unclosed AND OR NOT \\-\"",
    })
    void unbalancedOrDanglingSyntaxNeverFails(String q, String expected) {
        assertThat(sqs(q)).isEqualTo(expected);
    }

    @Test
    void veryDeepNestingIsFlattenedNotAStackOverflow() {
        String deep = "(a ".repeat(500) + "b" + ")".repeat(500);
        assertThat(sqs(deep)).startsWith("a + ").contains("b");
        String alternating = "(a OR (b ".repeat(200) + "c" + "))".repeat(200);
        assertThat(sqs(alternating)).isNotEmpty();
    }

    @Test
    void everyRenderedQueryHasBalancedParenthesesAndQuotes() {
        for (String q : new String[] {"a (b OR (c -d)) \"e f", "((a OR b) (c OR (d e)))", "-(-(-a))", "x) OR (y"}) {
            String s = sqs(q);
            String unescaped = s.replaceAll("\\\\.", "");
            assertThat(unescaped.chars().filter(ch -> ch == '(').count())
                    .as(s).isEqualTo(unescaped.chars().filter(ch -> ch == ')').count());
            assertThat(unescaped.chars().filter(ch -> ch == '"').count() % 2).as(s).isZero();
        }
    }
}
