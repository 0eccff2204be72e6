package app.herald.governance.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles author-supplied regexes. Rejects shapes known to backtrack catastrophically (a heuristic with
 * deliberate false positives; {@link BudgetedCharSequence} bounds whatever slips through) and finds a
 * literal every match must contain, so a regex need not run over text that lacks it.
 */
final class RegexGuard {

    static final int MAX_PATTERN_LENGTH = 1000;

    /**
     * A compiled pattern and, when one exists, a literal that every match contains; compared with the same per-character case fold as java.util.regex when case-insensitive.
     */
    record GuardedPattern(Pattern pattern, String requiredLiteral, boolean literalCaseInsensitive) {
    }

    private RegexGuard() {
    }

    static GuardedPattern compile(long ruleId, String pattern, boolean caseInsensitive) {
        if (pattern == null || pattern.isBlank()) {
            throw new RuleCompileException(ruleId, "Pattern is required.");
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new RuleCompileException(ruleId, "Pattern is too long (" + pattern.length()
                    + " characters; at most " + MAX_PATTERN_LENGTH + ").");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern, caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
        } catch (PatternSyntaxException e) {
            throw new RuleCompileException(ruleId, "Pattern does not compile: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : ""));
        }
        Analyzer analyzer = new Analyzer(pattern);
        String risk = analyzer.findRisk();
        if (risk != null) {
            throw new RuleCompileException(ruleId, "Pattern may backtrack catastrophically: " + risk);
        }
        return new GuardedPattern(compiled, analyzer.requiredLiteral(),
                caseInsensitive || analyzer.leadingCaseInsensitive);
    }

    /** A repetition count; {@code max} is {@link #UNBOUNDED} for *, + and {n,}. */
    private record Quantifier(int min, int max) {
        static final int UNBOUNDED = Integer.MAX_VALUE;
        static final Quantifier ONCE = new Quantifier(1, 1);

        boolean repeats() {
            return max > 1;
        }

        boolean variable() {
            return min != max;
        }

        boolean unbounded() {
            return max == UNBOUNDED;
        }
    }

    /** What the scan has learnt about one open group (the whole pattern is the outermost group). */
    private static final class Group {
        final int start;
        final List<String> firstAtoms = new ArrayList<>();
        boolean awaitingFirstAtom = true;
        boolean alternation;
        boolean variable;
        boolean unbounded;
        /** An unbounded repeat of ".", "\S", "[^x]" and the like, which also eats the delimiter after it. */
        boolean broadRepeat;
        boolean branchHasFixedAtom;
        boolean earlierBranchesHaveFixedAtom = true;

        Group(int start) {
            this.start = start;
        }

        /** Every branch must consume a fixed atom per iteration, or iterations can split the text many ways. */
        boolean everyBranchHasFixedAtom() {
            return earlierBranchesHaveFixedAtom && branchHasFixedAtom;
        }
    }

    /**
     * One left-to-right pass over an already-compiled pattern.
     *
     * <p>Risk: flags a repeated group that either (a) holds a variable quantifier while outer or inner
     * repetition is unbounded, and has no fixed atom to anchor each iteration or repeats a broad atom
     * without bound — (a+)+, (a*)*, (.*a){20}, (\w+\s?)+ — or (b) is unbounded and has alternatives that
     * may start with the same character — (a|a)*, (a|ab)+, (\d|\w)+.
     *
     * <p>Required literal: the longest run of consecutive mandatory literal characters at the top level.
     * Groups, classes and anchors only end a run, so a run can be too short but never wrong; top-level
     * alternation or inline flags other than a leading (?i) disable it, because they change what is required.
     */
    private static final class Analyzer {
        private final String p;
        private final Deque<Group> open = new ArrayDeque<>();
        private final StringBuilder run = new StringBuilder();
        private String longestRun = "";
        private boolean literalsUsable = true;
        boolean leadingCaseInsensitive;
        private int i;

        Analyzer(String pattern) {
            this.p = pattern;
        }

        String findRisk() {
            open.push(new Group(0));
            if (p.startsWith("(?i)")) {
                leadingCaseInsensitive = true;
                i = 4;
            }
            while (i < p.length()) {
                char c = p.charAt(i);
                if (c == '\\') {
                    String atom = readEscape();
                    if (atom == null) {
                        endRun(); // an anchor such as \b
                    } else {
                        boolean escapedSymbol = atom.length() == 2 && !Character.isLetterOrDigit(atom.charAt(1));
                        afterAtom(atom, escapedSymbol ? atom.substring(1) : null);
                    }
                } else if (c == '[') {
                    int start = i;
                    skipClass();
                    afterAtom(p.substring(start, i), null);
                } else if (c == '(') {
                    openGroup();
                } else if (c == ')') {
                    String risk = closeGroup();
                    if (risk != null) {
                        return risk;
                    }
                } else if (c == '|') {
                    alternative();
                } else if (c == '^' || c == '$') {
                    endRun();
                    i++;
                } else {
                    int cp = p.codePointAt(i);
                    i += Character.charCount(cp);
                    String atom = new String(Character.toChars(cp));
                    afterAtom(atom, c == '.' ? null : atom);
                }
            }
            return null;
        }

        /** @return null when top-level alternation or inline flags make literals unreliable, or there is none */
        String requiredLiteral() {
            endRun();
            return literalsUsable && !longestRun.isEmpty() ? longestRun : null;
        }

        /** @param literal the character(s) the atom matches literally, or null for classes and escapes */
        private void afterAtom(String atom, String literal) {
            Group g = open.peek();
            if (g.awaitingFirstAtom) {
                g.firstAtoms.add(atom);
                g.awaitingFirstAtom = false;
            }
            Quantifier q = readQuantifier();
            g.variable |= q.variable();
            g.unbounded |= q.unbounded();
            g.broadRepeat |= q.unbounded() && isBroad(atom);
            g.branchHasFixedAtom |= !q.variable() && q.min() >= 1;
            if (open.size() == 1) {
                if (literal == null || q.min() == 0) {
                    endRun();
                } else if (q.equals(Quantifier.ONCE)) {
                    run.append(literal);
                } else {
                    // the first repetition touches what precedes, the last one what follows
                    run.append(literal);
                    endRun();
                    run.append(literal);
                }
            }
        }

        private void alternative() {
            Group g = open.peek();
            g.alternation = true;
            g.awaitingFirstAtom = true;
            g.earlierBranchesHaveFixedAtom &= g.branchHasFixedAtom;
            g.branchHasFixedAtom = false;
            if (open.size() == 1) {
                literalsUsable = false;
            }
            i++;
        }

        private void endRun() {
            if (run.length() > longestRun.length()) {
                longestRun = run.toString();
            }
            run.setLength(0);
        }

        private void openGroup() {
            if (open.size() == 1) {
                endRun();
            }
            int start = i++;
            if (i < p.length() && p.charAt(i) == '?') {
                int j = i + 1;
                while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
                    j++;
                }
                boolean hasFlags = j > i + 1;
                if (hasFlags && j < p.length() && p.charAt(j) == ')') {
                    literalsUsable = false;
                    i = j + 1; // inline flags such as (?s) open no group
                    return;
                }
                if (hasFlags && j < p.length() && p.charAt(j) == ':') {
                    literalsUsable = false;
                    i = j + 1; // (?i:...) is a group whose flags may change what its literals match
                } else if (p.startsWith("<=", i + 1) || p.startsWith("<!", i + 1)) {
                    i += 3;
                } else if (p.startsWith("<", i + 1)) {
                    i = after('>', i);
                } else {
                    i += 2; // (?: (?= (?! (?>
                }
            }
            open.push(new Group(start));
        }

        private String closeGroup() {
            i++;
            if (open.size() == 1) {
                return null; // unbalanced; cannot happen for a pattern that compiled
            }
            Group g = open.pop();
            Quantifier q = readQuantifier();
            if (q.repeats() && g.variable && (q.unbounded() || g.unbounded)
                    && (!g.everyBranchHasFixedAtom() || g.broadRepeat)) {
                return "a repeated group contains another quantifier near index " + g.start
                        + " (like (a+)+ or (.*a){20}); rewrite it without nesting repeats.";
            }
            if (q.unbounded() && g.alternation && overlaps(g.firstAtoms)) {
                return "alternatives of a repeated group can match the same text near index " + g.start
                        + " (like (a|a)*); use a character class or make the branches distinct.";
            }
            Group parent = open.peek();
            if (parent.awaitingFirstAtom) {
                parent.firstAtoms.add(g.firstAtoms.size() == 1 ? g.firstAtoms.get(0) : p.substring(g.start, i));
                parent.awaitingFirstAtom = false;
            }
            parent.variable |= g.variable || q.variable();
            parent.unbounded |= g.unbounded || q.unbounded();
            parent.broadRepeat |= g.broadRepeat;
            parent.branchHasFixedAtom |= g.everyBranchHasFixedAtom() && !q.variable() && q.min() >= 1;
            return null;
        }

        /** @return the escape's text, or null for anchors such as \b that match no character */
        private String readEscape() {
            int start = i;
            i += 2;
            if (start + 1 >= p.length()) {
                return "\\";
            }
            char e = p.charAt(start + 1);
            switch (e) {
                case 'b', 'B', 'A', 'z', 'Z', 'G' -> {
                    return null;
                }
                case 'Q' -> {
                    int end = p.indexOf("\\E", i);
                    i = end < 0 ? p.length() : end + 2;
                }
                case 'p', 'P', 'x', 'N' -> {
                    if (i < p.length() && p.charAt(i) == '{') {
                        i = after('}', i);
                    } else {
                        i += e == 'x' ? 2 : e == 'N' ? 0 : 1;
                    }
                }
                case 'u' -> i += 4;
                case 'c' -> i += 1;
                case 'k' -> i = after('>', i);
                case '0' -> {
                    int end = Math.min(p.length(), i + 3);
                    while (i < end && p.charAt(i) >= '0' && p.charAt(i) <= '7') {
                        i++;
                    }
                }
                default -> {
                    // any other escape is a single character: \d, \., \1
                }
            }
            i = Math.min(i, p.length());
            return p.substring(start, i);
        }

        private void skipClass() {
            i++;
            if (i < p.length() && p.charAt(i) == '^') {
                i++;
            }
            if (i < p.length() && p.charAt(i) == ']') {
                i++; // a leading ']' is a literal in Java
            }
            int depth = 1;
            while (i < p.length() && depth > 0) {
                char c = p.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '[') {
                    depth++;
                } else if (c == ']') {
                    depth--;
                }
                i++;
            }
            i = Math.min(i, p.length());
        }

        private Quantifier readQuantifier() {
            if (i >= p.length()) {
                return Quantifier.ONCE;
            }
            Quantifier q;
            char c = p.charAt(i);
            if (c == '*') {
                q = new Quantifier(0, Quantifier.UNBOUNDED);
                i++;
            } else if (c == '+') {
                q = new Quantifier(1, Quantifier.UNBOUNDED);
                i++;
            } else if (c == '?') {
                q = new Quantifier(0, 1);
                i++;
            } else if (c == '{') {
                int end = after('}', i);
                String[] bounds = p.substring(i + 1, end - 1).split(",", -1);
                int min = parseCount(bounds[0]);
                int max = bounds.length == 1 ? min
                        : bounds[1].isBlank() ? Quantifier.UNBOUNDED : parseCount(bounds[1]);
                q = new Quantifier(min, max);
                i = end;
            } else {
                return Quantifier.ONCE;
            }
            if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
                i++; // lazy and possessive forms repeat just the same
            }
            if (i < p.length() && p.charAt(i) == '{') {
                // Java accepts stacked forms such as x{2}{3} with surprising meaning; assume the worst
                readQuantifier();
                return new Quantifier(0, Quantifier.UNBOUNDED);
            }
            return q;
        }

        /** Index just past the next {@code c} from {@code from}; the pattern compiled, so it exists. */
        private int after(char c, int from) {
            int at = p.indexOf(c, from);
            return at < 0 ? p.length() : at + 1;
        }

        private static int parseCount(String digits) {
            String d = digits.strip();
            return d.isEmpty() || d.length() > 9 ? Quantifier.UNBOUNDED - 1 : Integer.parseInt(d);
        }

        private static boolean overlaps(List<String> firstAtoms) {
            for (int a = 0; a < firstAtoms.size(); a++) {
                for (int b = a + 1; b < firstAtoms.size(); b++) {
                    String x = firstAtoms.get(a);
                    String y = firstAtoms.get(b);
                    if (x.equalsIgnoreCase(y) || isClass(x) || isClass(y)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** Any class may share characters with another branch; only distinct literals are known not to. */
        private static boolean isClass(String atom) {
            return atom.equals(".") || atom.startsWith("[")
                    || atom.length() >= 2 && atom.charAt(0) == '\\' && "wWsSdDhHvVRXpP".indexOf(atom.charAt(1)) >= 0;
        }

        /** Complement classes match nearly everything, including whatever delimiter follows them. */
        private static boolean isBroad(String atom) {
            return atom.equals(".") || atom.startsWith("[^")
                    || atom.length() >= 2 && atom.charAt(0) == '\\' && "SWDHVXP".indexOf(atom.charAt(1)) >= 0;
        }
    }
}
