package app.herald.governance.engine;

import java.util.ArrayDeque;
import java.util.Deque;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles pattern rules with RE2/J, whose matching time grows linearly with the text, so no pattern can
 * backtrack catastrophically. Refuses, naming the construct, what RE2/J does not support, what it would read
 * differently from the Java syntax authors know, and repetitions that would expand to an oversized program;
 * finds a literal every match contains, so a pattern need not run over text that lacks it.
 */
final class PatternSyntax {

    static final int MAX_PATTERN_LENGTH = 1000;

    /**
     * Upper bound of the estimated program size. RE2/J expands counted repetitions, so 26 characters such as
     * ((a{1000}){1000}){1000} would exhaust the heap while compiling; everyday patterns need well under 100.
     */
    static final long MAX_PROGRAM_SIZE = 5_000;

    private static final String LINEAR_TIME = "pattern rules run in linear time, so backreferences, lookahead, "
            + "lookbehind, atomic groups and possessive quantifiers are not available";

    /**
     * A compiled pattern and, when one exists, a literal that every match contains; compared with
     * {@link FieldContext#caseFold} when case-insensitive.
     */
    record CompiledPattern(Pattern pattern, String requiredLiteral, boolean literalCaseInsensitive) {
    }

    private PatternSyntax() {
    }

    static CompiledPattern compile(long ruleId, String pattern, boolean caseInsensitive) {
        if (pattern == null || pattern.isBlank()) {
            throw new RuleCompileException(ruleId, "Pattern is required.");
        }
        if (pattern.length() > MAX_PATTERN_LENGTH) {
            throw new RuleCompileException(ruleId, "Pattern is too long (" + pattern.length()
                    + " characters; at most " + MAX_PATTERN_LENGTH + ").");
        }
        Scan scan = new Scan(pattern);
        String problem = scan.run();
        if (problem != null) {
            throw new RuleCompileException(ruleId, problem);
        }
        if (scan.size() > MAX_PROGRAM_SIZE) {
            throw new RuleCompileException(ruleId, "Pattern repeats too much: its counted repetitions expand to "
                    + (scan.size() >= Scan.SATURATED ? "far more than " + MAX_PROGRAM_SIZE : "about " + scan.size())
                    + " steps (at most " + MAX_PROGRAM_SIZE + "). Use smaller {n} counts, or + and * instead.");
        }
        Pattern compiled;
        try {
            compiled = Pattern.compile(pattern, caseInsensitive ? Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException e) {
            throw new RuleCompileException(ruleId, explain(e, pattern));
        }
        return new CompiledPattern(compiled, scan.requiredLiteral(), caseInsensitive || scan.leadingCaseInsensitive);
    }

    /** RE2/J's complaint in a rule author's words; constructs Java regexes have are named with what to use instead. */
    private static String explain(PatternSyntaxException e, String pattern) {
        String what = e.getDescription();
        String at = e.getPattern() == null ? "" : e.getPattern();
        if (at.startsWith("(?i)") && !pattern.startsWith("(?i)")) {
            at = at.substring(4); // RE2/J writes the case-insensitive option into the pattern it quotes
        }
        String unsupported = switch (what) {
            case "invalid escape sequence" -> escape(at);
            case "invalid or unsupported Perl syntax" -> switch (at) {
                case "(?=", "(?!" -> "a lookahead " + at + ", which " + LINEAR_TIME;
                case "(?>" -> "an atomic group (?>, which " + LINEAR_TIME;
                case "(?#" -> "a comment (?#…), which pattern rules do not support";
                default -> at.length() > 2 && "imsU-".indexOf(at.charAt(at.length() - 1)) < 0
                        ? "the inline flag " + at.charAt(at.length() - 1) + " in `" + at + "`, which pattern rules do not "
                                + "support (they support i, m and s)"
                        : null;
            };
            case "invalid named capture" -> at.startsWith("(?<=") || at.startsWith("(?<!")
                    ? "a lookbehind " + at.substring(0, 4) + ", which " + LINEAR_TIME : null;
            case "invalid nested repetition operator" -> at.length() > 1 && at.endsWith("+")
                    ? "a possessive quantifier " + at + ", which " + LINEAR_TIME : null;
            case "invalid character class range" -> at.startsWith("\\p") || at.startsWith("\\P")
                    ? "the character class " + at + ", which pattern rules do not know: use a Unicode category such as "
                            + "\\p{L}, \\p{Lu} or \\p{N}, a script such as \\p{Greek}, or a class such as [[:alpha:]]"
                    : null;
            default -> null;
        };
        if (unsupported != null) {
            return "Pattern uses " + unsupported + ".";
        }
        if (what.endsWith("internal error")) {
            return "Pattern does not compile: a ) has no matching (.";
        }
        return "Pattern does not compile: " + what + (at.isEmpty() ? "" : " in `" + at + "`") + ".";
    }

    /** @return what an escape RE2/J refused is, or null when it is simply not an escape in any syntax */
    private static String escape(String at) {
        if (at.length() < 2) {
            return null;
        }
        char e = at.charAt(1);
        if (e >= '1' && e <= '9' || e == 'k') {
            return "a backreference " + at + (e == 'k' ? "<…>" : "") + ", which " + LINEAR_TIME;
        }
        return switch (e) {
            case 'u' -> "\\u, which pattern rules do not support: write \\x{2600} for U+2600";
            case 'Z' -> "\\Z, which pattern rules do not support: use \\z (end of text) or $";
            case 'h', 'H', 'R', 'X', 'G', 'N', 'e', 'c', 'V' -> "the escape " + at
                    + ", which pattern rules do not support";
            default -> null;
        };
    }

    /** One quantifiable unit being built: a group (the whole pattern is the outermost) and its estimated size. */
    private static final class Frame {
        long size;
        /** Size of the last atom or group, which a following quantifier repeats; 0 after '|'. */
        long last;

        void add(long atom) {
            size = Scan.sum(size, atom);
            last = atom;
        }
    }

    /**
     * One left-to-right pass in RE2 syntax, run before compiling. Size: each atom, alternative and repetition
     * counts one, a group two (RE2/J's capture instructions), and x{n,m} copies x max(n, m) times, nesting
     * multiplies. Required literal: the longest run of consecutive mandatory literal characters at the top level;
     * groups, classes and anchors only end a run, so a run can be too short but never wrong; top-level
     * alternation or inline flags other than a leading (?i) disable it, because they change what is required.
     */
    private static final class Scan {
        static final long SATURATED = 1L << 40;

        private final String p;
        private final Deque<Frame> open = new ArrayDeque<>();
        private final StringBuilder run = new StringBuilder();
        private String longestRun = "";
        private boolean literalsUsable = true;
        boolean leadingCaseInsensitive;
        private long size;
        private int i;

        Scan(String pattern) {
            this.p = pattern;
        }

        long size() {
            return size;
        }

        /** @return a construct RE2/J would read differently from Java, described for the author, or null */
        String run() {
            open.push(new Frame());
            if (p.startsWith("(?i)")) {
                leadingCaseInsensitive = true;
                i = 4;
            }
            while (i < p.length()) {
                char c = p.charAt(i);
                String problem = null;
                if (c == '\\') {
                    problem = escapeOutsideClass();
                } else if (c == '[') {
                    problem = characterClass();
                    afterAtom(null);
                } else if (c == '(') {
                    problem = openGroup();
                } else if (c == ')') {
                    closeGroup();
                } else if (c == '|') {
                    Frame frame = open.peek();
                    frame.size = sum(frame.size, 1);
                    frame.last = 0;
                    if (open.size() == 1) {
                        literalsUsable = false;
                    }
                    i++;
                } else if (c == '^' || c == '$') {
                    i++;
                    zeroWidth();
                } else {
                    int cp = p.codePointAt(i);
                    i += Character.charCount(cp);
                    afterAtom(c == '.' ? null : new String(Character.toChars(cp)));
                }
                if (problem != null) {
                    return problem;
                }
            }
            while (open.size() > 1) {
                closeGroup(); // unbalanced: RE2/J reports it; the estimate just stays an upper bound
            }
            size = sum(open.peek().size, 2);
            return null;
        }

        String requiredLiteral() {
            endRun();
            return literalsUsable && !longestRun.isEmpty() ? longestRun : null;
        }

        private String escapeOutsideClass() {
            int start = i;
            if (start + 1 >= p.length()) {
                i = p.length();
                return null; // a trailing backslash, which RE2/J reports
            }
            char e = p.charAt(start + 1);
            if (e == 'b' || e == 'B' || e == 'A' || e == 'z') {
                i += 2;
                zeroWidth();
                return e == 'b' || e == 'B' ? wordBoundaryProblem(start) : null;
            }
            if (e == 'Q') {
                int end = p.indexOf("\\E", start + 2);
                int stop = end < 0 ? p.length() : end;
                i = end < 0 ? p.length() : end + 2;
                endRun();
                Frame frame = open.peek();
                frame.size = sum(frame.size, stop - start - 2);
                frame.last = 1; // a quantifier after \Q..\E repeats its last character
                readQuantifier(frame);
                return null;
            }
            skipEscapeBody(e);
            boolean escapedSymbol = i == start + 2 && !Character.isLetterOrDigit(e);
            afterAtom(escapedSymbol ? String.valueOf(e) : null);
            return null;
        }

        /** An anchor such as ^ or \b: it matches no character, so it ends a literal run. */
        private void zeroWidth() {
            endRun();
            Frame frame = open.peek();
            frame.add(1);
            readQuantifier(frame);
        }

        /** Moves past an escape whose letter is {@code e} (already known to exist after the backslash). */
        private void skipEscapeBody(char e) {
            i += 2;
            if (e >= '0' && e <= '7') {
                for (int digits = 1; digits < 3 && i < p.length() && p.charAt(i) >= '0' && p.charAt(i) <= '7'; digits++) {
                    i++; // an octal escape such as \123 is one character
                }
            } else if ((e == 'p' || e == 'P' || e == 'x') && i < p.length() && p.charAt(i) == '{') {
                i = after('}', i);
            } else if (e == 'p' || e == 'P') {
                i = Math.min(p.length(), i + 1);
            } else if (e == 'x') {
                i = Math.min(p.length(), i + 2);
            }
        }

        /**
         * RE2's \b counts only ASCII letters, digits and '_' as word characters, so next to an accented or
         * non-Latin letter of the pattern it can never match the way the author meant.
         */
        private String wordBoundaryProblem(int at) {
            int before = at > 0 ? p.codePointBefore(at) : -1;
            int next = at + 2 < p.length() ? p.codePointAt(at + 2) : -1;
            int letter = nonAsciiWordCharacter(before) ? before : nonAsciiWordCharacter(next) ? next : -1;
            if (letter < 0) {
                return null;
            }
            return "Pattern puts " + p.substring(at, at + 2) + " next to \"" + new String(Character.toChars(letter))
                    + "\": in pattern rules \\b and \\B only count A–Z, a–z, 0–9 and _ as word characters, so it cannot "
                    + "match there. Remove the " + p.substring(at, at + 2) + ", or use a banned-term rule, which matches "
                    + "whole words in every script.";
        }

        private static boolean nonAsciiWordCharacter(int cp) {
            return cp >= 0x80 && (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK);
        }

        /** Skips a [...] class; Java reads && and a nested [ as set operations, RE2 reads them as characters. */
        private String characterClass() {
            int start = i++;
            if (i < p.length() && p.charAt(i) == '^') {
                i++;
            }
            if (i < p.length() && p.charAt(i) == ']') {
                i++; // a leading ']' is a literal
            }
            while (i < p.length() && p.charAt(i) != ']') {
                char c = p.charAt(i);
                if (c == '\\' && i + 1 < p.length()) {
                    skipEscapeBody(p.charAt(i + 1));
                } else if (c == '[' && p.startsWith("[:", i)) {
                    int end = p.indexOf(":]", i + 2);
                    i = end < 0 ? p.length() : end + 2;
                } else if (c == '[' || c == '&' && p.startsWith("&&", i)) {
                    String shown = p.substring(start, Math.min(p.length(), after(']', i)));
                    return "Pattern uses " + (c == '[' ? "a character class inside another (" : "the class intersection && (")
                            + shown + "…), which pattern rules read as plain characters. Write a literal [ as \\[, and list "
                            + "the characters in one class, e.g. [b-df-hj-np-tv-z] for consonants.";
                } else {
                    i++;
                }
            }
            i = Math.min(p.length(), i + 1);
            return null;
        }

        private String openGroup() {
            if (open.size() == 1) {
                endRun();
            }
            i++;
            if (i < p.length() && p.charAt(i) == '?') {
                int j = i + 1;
                while (j < p.length() && (Character.isLetter(p.charAt(j)) || p.charAt(j) == '-')) {
                    j++;
                }
                boolean flags = j > i + 1 && j < p.length() && (p.charAt(j) == ')' || p.charAt(j) == ':');
                if (flags && p.substring(i + 1, j).indexOf('U') >= 0) {
                    return "Pattern uses the flag U, which in pattern rules makes every repetition lazy (in Java it "
                            + "made \\w and \\b Unicode-aware). Remove it.";
                }
                if (flags) {
                    literalsUsable = false; // flags may change what the literals after them match
                    if (p.charAt(j) == ')') {
                        i = j + 1; // inline flags such as (?s) open no group
                        return null;
                    }
                }
            }
            open.push(new Frame());
            return null;
        }

        private void closeGroup() {
            i++;
            if (open.size() == 1) {
                return; // an unmatched ')', which RE2/J reports
            }
            Frame group = open.pop();
            Frame parent = open.peek();
            parent.add(sum(group.size, 2));
            readQuantifier(parent);
        }

        /** @param literal the character(s) the atom matches literally, or null for classes, '.' and escapes */
        private void afterAtom(String literal) {
            Frame frame = open.peek();
            frame.add(1);
            int before = i;
            int[] q = readQuantifier(frame);
            if (open.size() > 1) {
                return;
            }
            if (literal == null || q[0] == 0) {
                endRun();
            } else if (i == before) {
                run.append(literal);
            } else {
                // the first repetition touches what precedes, the last one what follows
                run.append(literal);
                endRun();
                run.append(literal);
            }
        }

        /**
         * Reads a quantifier after the frame's last item, if any, and grows the frame's size by the copies it makes.
         *
         * @return {min, max} repetitions, max -1 for unbounded; {1, 1} when there is no quantifier
         */
        private int[] readQuantifier(Frame frame) {
            if (i >= p.length()) {
                return new int[] {1, 1};
            }
            char c = p.charAt(i);
            int[] q;
            if (c == '*' || c == '+' || c == '?') {
                q = new int[] {c == '+' ? 1 : 0, c == '?' ? 1 : -1};
                i++;
            } else if (c == '{' && (q = countedRepeat()) != null) {
                i = after('}', i);
            } else {
                return new int[] {1, 1};
            }
            if (i < p.length() && p.charAt(i) == '?') {
                i++; // lazy forms repeat just the same
            }
            long copies = Math.max(1, q[1] < 0 ? q[0] : Math.max(q[0], q[1]));
            long repeated = product(frame.last, copies);
            frame.size = sum(sum(frame.size, repeated - frame.last), 1);
            frame.last = repeated;
            return q;
        }

        /** RE2 reads {n}, {n,} and {n,m} as repetition; any other '{' is a literal character. */
        private int[] countedRepeat() {
            int end = p.indexOf('}', i);
            if (end < 0) {
                return null;
            }
            String body = p.substring(i + 1, end);
            int comma = body.indexOf(',');
            String min = comma < 0 ? body : body.substring(0, comma);
            String max = comma < 0 ? min : body.substring(comma + 1);
            if (!isCount(min) || !(isCount(max) || comma >= 0 && max.isEmpty())) {
                return null;
            }
            return new int[] {Integer.parseInt(min), max.isEmpty() ? -1 : Integer.parseInt(max)};
        }

        /** Counts over 1000 are refused by RE2/J anyway; four digits keep the parse in int range. */
        private static boolean isCount(String s) {
            return !s.isEmpty() && s.length() <= 4 && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
        }

        private void endRun() {
            if (run.length() > longestRun.length()) {
                longestRun = run.toString();
            }
            run.setLength(0);
        }

        /** Index just past the next {@code c} from {@code from}, or the end of the pattern. */
        private int after(char c, int from) {
            int at = p.indexOf(c, from);
            return at < 0 ? p.length() : at + 1;
        }

        static long sum(long a, long b) {
            return Math.min(SATURATED, a + b);
        }

        static long product(long a, long b) {
            return a != 0 && b > SATURATED / a ? SATURATED : Math.min(SATURATED, a * b);
        }
    }
}
