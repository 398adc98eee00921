package org.rightstream.query.search;

import java.util.ArrayList;
import java.util.List;

/**
 * A search box query as people type it, turned into Elasticsearch {@code simple_query_string} syntax
 * in which every operator is explicit and every other character is escaped.
 *
 * <p>Understood: words (all must match), {@code "quoted phrases"}, {@code OR} / {@code |} / {@code ||},
 * {@code AND} / {@code &&} / {@code +}, {@code NOT} / {@code -word} / {@code !word}, parentheses and
 * {@code prefix*}. Only the upper-case words AND, OR and NOT are operators; lower-case ones are words.
 * {@code OR} binds tighter than {@code AND}, as in web search: {@code police torture OR beating} means
 * police AND (torture OR beating). Anything else is text: characters special to Lucene or Elasticsearch
 * ({@code \ / [ ] { } ~ ^ : ? < > = &}) are escaped, and the field's analyzer treats them as it treats
 * punctuation in the passages. Parsing never fails: an unclosed quote runs to the end, unbalanced
 * parentheses and dangling operators are ignored, and words without a letter or digit are dropped.
 * A query with nothing left to search for is empty (it matches every passage).
 */
public final class UserQuery {
    /** Deeper parentheses than this are ignored (the query is still searched, with less grouping). */
    static final int MAX_DEPTH = 16;

    sealed interface Node permits Term, Phrase, Not, And, Or {
    }

    record Term(String text, boolean prefix) implements Node {
    }

    record Phrase(String text) implements Node {
    }

    record Not(Node node) implements Node {
    }

    record And(List<Node> nodes) implements Node {
    }

    record Or(List<Node> nodes) implements Node {
    }

    private enum Kind { WORD, PHRASE, AND, OR, NOT, OPEN, CLOSE }

    private record Token(Kind kind, String text, boolean prefix) {
        static Token of(Kind kind) {
            return new Token(kind, null, false);
        }
    }

    private UserQuery() {
    }

    /** The query in simple_query_string syntax, or "" when it has nothing to search for. */
    public static String toSimpleQueryString(String q) {
        Node tree = parse(q);
        return tree == null ? "" : render(tree, true);
    }

    /** The query as a tree, or null when it has nothing to search for. */
    static Node parse(String q) {
        if (q == null) {
            return null;
        }
        return new Parser(tokens(q)).query();
    }

    private static List<Token> tokens(String q) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"') {
                int end = q.indexOf('"', i + 1);
                String text = q.substring(i + 1, end < 0 ? n : end);
                i = end < 0 ? n : end + 1;
                if (searchable(text)) {
                    tokens.add(new Token(Kind.PHRASE, text.strip().replaceAll("\\s+", " "), false));
                }
            } else if (c == '(') {
                tokens.add(Token.of(Kind.OPEN));
                i++;
            } else if (c == ')') {
                tokens.add(Token.of(Kind.CLOSE));
                i++;
            } else if (c == '|') {
                tokens.add(Token.of(Kind.OR));
                i += q.startsWith("||", i) ? 2 : 1;
            } else if ((c == '-' || c == '!') && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                tokens.add(Token.of(Kind.NOT));
                i++;
            } else if (c == '+' || c == '-' || c == '!') {
                // '+word' is a required word, as every word is; a lone operator character means nothing.
                if (c == '+' && (i + 1 >= n || Character.isWhitespace(q.charAt(i + 1)))) {
                    tokens.add(Token.of(Kind.AND));
                }
                i++;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(q.charAt(i)) && "\"()|".indexOf(q.charAt(i)) < 0) {
                    i++;
                }
                word(q.substring(start, i), tokens);
            }
        }
        return tokens;
    }

    private static void word(String word, List<Token> tokens) {
        switch (word) {
            case "AND", "&&" -> tokens.add(Token.of(Kind.AND));
            case "OR" -> tokens.add(Token.of(Kind.OR));
            case "NOT" -> tokens.add(Token.of(Kind.NOT));
            default -> {
                boolean prefix = word.endsWith("*");
                String text = prefix ? word.replaceAll("\\*+$", "") : word;
                if (searchable(text)) {
                    tokens.add(new Token(Kind.WORD, text, prefix));
                }
            }
        }
    }

    private static boolean searchable(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /**
     * and := or (AND? or)* ; or := unary (OR unary)* ; unary := NOT* primary ;
     * primary := WORD | PHRASE | '(' and ')'. Tokens that fit nowhere are skipped.
     */
    private static final class Parser {
        private final List<Token> tokens;
        private int pos;

        Parser(List<Token> tokens) {
            this.tokens = tokens;
        }

        Node query() {
            return and(0);
        }

        private Kind peek() {
            return pos < tokens.size() ? tokens.get(pos).kind() : null;
        }

        private Node and(int depth) {
            List<Node> nodes = new ArrayList<>();
            while (true) {
                Kind next = peek();
                if (next == null) {
                    break;
                }
                if (next == Kind.AND) {
                    pos++;
                } else if (next == Kind.CLOSE) {
                    if (depth > 0) {
                        break;
                    }
                    pos++; // a ')' without its '('
                } else {
                    add(nodes, or(depth), And.class);
                }
            }
            return combine(nodes, false);
        }

        private Node or(int depth) {
            List<Node> nodes = new ArrayList<>();
            add(nodes, unary(depth), Or.class);
            while (peek() == Kind.OR) {
                pos++;
                add(nodes, unary(depth), Or.class);
            }
            return combine(nodes, true);
        }

        private Node unary(int depth) {
            int nots = 0;
            while (peek() == Kind.NOT) {
                pos++;
                nots++;
            }
            Node node = primary(depth);
            return node == null || nots % 2 == 0 ? node : new Not(node);
        }

        private Node primary(int depth) {
            Kind next = peek();
            if (next == null || next == Kind.CLOSE) {
                return null; // left to 'and', which closes the group or skips the stray ')'
            }
            Token token = tokens.get(pos++);
            return switch (token.kind()) {
                case WORD -> new Term(token.text(), token.prefix());
                case PHRASE -> new Phrase(token.text());
                case OPEN -> {
                    if (depth >= MAX_DEPTH) {
                        yield null; // too deep: this '(' is ignored
                    }
                    Node inner = and(depth + 1);
                    if (peek() == Kind.CLOSE) {
                        pos++;
                    }
                    yield inner;
                }
                default -> null; // an operator with nothing before it
            };
        }

        /** Adds a node, flattening a nested group of the same kind: (a OR (b OR c)) is a OR b OR c. */
        private static void add(List<Node> nodes, Node node, Class<? extends Node> kind) {
            if (node == null) {
                return;
            }
            if (kind == Or.class && node instanceof Or or) {
                nodes.addAll(or.nodes());
            } else if (kind == And.class && node instanceof And and) {
                nodes.addAll(and.nodes());
            } else {
                nodes.add(node);
            }
        }

        private static Node combine(List<Node> nodes, boolean or) {
            if (nodes.isEmpty()) {
                return null;
            }
            if (nodes.size() == 1) {
                return nodes.get(0);
            }
            return or ? new Or(List.copyOf(nodes)) : new And(List.copyOf(nodes));
        }
    }

    static String render(Node node, boolean top) {
        if (node instanceof Term t) {
            return escape(t.text()) + (t.prefix() ? "*" : "");
        }
        if (node instanceof Phrase p) {
            return "\"" + escape(p.text()) + "\"";
        }
        if (node instanceof Not not) {
            return "-" + render(not.node(), false);
        }
        if (node instanceof And and) {
            return group(and.nodes(), " + ", top);
        }
        return group(((Or) node).nodes(), " | ", top);
    }

    private static String group(List<Node> nodes, String operator, boolean top) {
        StringBuilder sb = new StringBuilder(top ? "" : "(");
        for (int i = 0; i < nodes.size(); i++) {
            if (i > 0) {
                sb.append(operator);
            }
            sb.append(render(nodes.get(i), false));
        }
        return sb.append(top ? "" : ")").toString();
    }

    /** Backslash before every character that is not a letter, digit or space: it is then plain text. */
    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(cp -> {
            if (!Character.isLetterOrDigit(cp) && cp != ' ') {
                sb.append('\\');
            }
            sb.appendCodePoint(cp);
        });
        return sb.toString();
    }
}
