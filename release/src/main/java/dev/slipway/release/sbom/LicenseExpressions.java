package dev.slipway.release.sbom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an RPM {@code License} tag into an SPDX license expression when it is one (Fedora has used SPDX ids since
 * 2022; older tags such as {@code GPLv2+ and MIT} are not), normalising ids to their listed spelling.
 *
 * @see <a href="https://spdx.github.io/spdx-spec/v2.3/SPDX-license-expressions/">SPDX 2.3 Annex D</a>
 */
final class LicenseExpressions {
    private static final Pattern TOKEN = Pattern.compile("\\s*(\\(|\\)|[^\\s()]+)");
    private static final Pattern LICENSE_REF = Pattern.compile("(DocumentRef-[A-Za-z0-9.-]+:)?LicenseRef-[A-Za-z0-9.-]+");

    private final LicenseList list;

    LicenseExpressions(LicenseList list) {
        this.list = list;
    }

    /** The normalised expression, or empty when {@code text} is not a valid SPDX license expression. */
    Optional<String> normalise(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (m.find() && m.start() == end) {
            tokens.add(m.group(1));
            end = m.end();
        }
        if (!text.substring(end).isBlank()) {
            return Optional.empty();
        }
        Parser parser = new Parser(tokens);
        return parser.expression() && parser.atEnd() ? Optional.of(String.join(" ", parser.out)
                .replace("( ", "(").replace(" )", ")")) : Optional.empty();
    }

    /** A recursive-descent check of Annex D's grammar that also writes the normalised tokens. */
    private final class Parser {
        private final List<String> tokens;
        private final List<String> out = new ArrayList<>();
        private int pos;

        Parser(List<String> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return pos == tokens.size();
        }

        boolean expression() {
            if (!term()) {
                return false;
            }
            while (!atEnd() && (peek().equals("AND") || peek().equals("OR"))) {
                out.add(tokens.get(pos++));
                if (!term()) {
                    return false;
                }
            }
            return true;
        }

        private boolean term() {
            if (atEnd()) {
                return false;
            }
            if (peek().equals("(")) {
                out.add(tokens.get(pos++));
                if (!expression() || atEnd() || !peek().equals(")")) {
                    return false;
                }
                out.add(tokens.get(pos++));
                return true;
            }
            if (!simple()) {
                return false;
            }
            if (!atEnd() && peek().equals("WITH")) {
                out.add(tokens.get(pos++));
                Optional<String> exception = atEnd() ? Optional.empty() : list.exception(peek());
                if (exception.isEmpty()) {
                    return false;
                }
                out.add(exception.get());
                pos++;
            }
            return true;
        }

        private boolean simple() {
            String token = peek();
            if (LICENSE_REF.matcher(token).matches()) {
                out.add(token);
                pos++;
                return true;
            }
            boolean orLater = token.endsWith("+") && token.length() > 1;
            Optional<String> id = list.license(orLater ? token.substring(0, token.length() - 1) : token);
            if (id.isEmpty()) {
                return false;
            }
            out.add(id.get() + (orLater ? "+" : ""));
            pos++;
            return true;
        }

        private String peek() {
            return tokens.get(pos);
        }
    }
}
