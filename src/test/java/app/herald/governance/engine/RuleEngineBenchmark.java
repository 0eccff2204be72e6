package app.herald.governance.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import app.herald.platform.Platform;

/**
 * Times a realistic 500-rule set against 100 000 characters of multilingual text.
 *
 * <p>Rule mix: 350 banned terms (a word plus a phrase each, some with exceptions), 60 claim words,
 * 30 triggered disclaimers, 20 regexes, 20 hashtag rules, 10 link allow-lists, 10 length limits;
 * about one rule in seven is TikTok-only and one in eleven caption-only. The text is cut into 100 posts
 * (title 100, description 700, caption 200 characters) across the three platforms; pass {@code single}
 * to check it as one 100 000-character field instead.
 */
public final class RuleEngineBenchmark {

    private static final int TEXT_LENGTH = 100_000;
    private static final int WARMUP_RUNS = 30;
    private static final int TIMED_RUNS = 30;

    private static final String[] WORDS = {
            "the", "new", "serum", "routine", "morning", "glow", "skin", "today", "with", "and", "for", "our", "best",
            "crème", "brûlée", "café", "déjà", "vu", "naïve", "señor", "mañana", "straße", "über", "größe", "fiancée",
            "שלום", "עולם", "مرحبا", "بكم", "免费", "的", "钱", "カード", "ﬁne", "İstanbul", "e\u0301te\u0301",
            "🔥", "😍", "👍🏽", "💸", "✨", "free", "money", "guaranteed", "cure", "miracle", "results", "sponsored",
            "link", "in", "bio", "shop", "now", "limited", "time", "offer", "call", "555-1234", "$19.99", "WOW!!!",
    };
    private static final String[] INSERTS = {
            "#ad", "#Brand", "#café", "#skincare", "#GlowUp", "#free_money", "#crypto", "#fyp",
            "https://shop.example.com/p/123", "https://evil-example.com/win", "www.example.org", "https://bit.ly/x1",
            "free   money", "Crème-Brûlée", "paid partnership with Acme", "clinically proven", "100% natural",
    };

    /** Terms that do occur in the text, so banned-term rules produce findings as well as lookups. */
    private static final String[] REAL_TERMS = {
            "free money", "crème brûlée", "straße", "免费", "שלום", "serum", "glow", "shop now", "limited time offer",
            "#crypto", "#free_money", "evil-example", "déjà vu", "mañana", "istanbul",
    };

    private RuleEngineBenchmark() {
    }

    public static void main(String[] args) {
        boolean singleField = Arrays.asList(args).contains("single");
        List<Rule> rules = rules();
        rules.forEach(rule -> RuleEngine.validate(rule.spec())); // a rule that does not compile would only report itself
        CompiledRuleSet set = RuleEngine.compile(1, rules);
        String text = text();
        List<CheckedText> texts = singleField
                ? List.of(new CheckedText(Platform.TIKTOK, Map.of("description", text)))
                : posts(text);

        int findings = 0;
        for (int run = 0; run < WARMUP_RUNS; run++) {
            findings = set.check(texts).size();
        }
        double[] millis = new double[TIMED_RUNS];
        for (int run = 0; run < TIMED_RUNS; run++) {
            long started = System.nanoTime();
            findings = set.check(texts).size();
            millis[run] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("rule engine: %d chars x %d rules: median %.1f ms, p90 %.1f ms (%d runs), %d findings%s%n",
                TEXT_LENGTH, set.rules().size(), millis[TIMED_RUNS / 2], millis[(int) Math.ceil(TIMED_RUNS * 0.9) - 1],
                TIMED_RUNS, findings, singleField ? " (single field)" : "");
    }

    static List<Rule> rules() {
        List<Rule> rules = new ArrayList<>();
        Random random = new Random(7);
        for (int k = 0; k < 350; k++) {
            List<String> terms = k % 10 == 0
                    ? List.of(REAL_TERMS[k / 10 % REAL_TERMS.length], pseudoWord(random))
                    : List.of(pseudoWord(random), pseudoWord(random) + " " + pseudoWord(random));
            List<String> exceptions = k % 25 == 0 ? List.of(terms.get(0) + " time") : List.of();
            rules.add(scope(rules.size(), new RuleSpec.BannedTerm(terms, exceptions)));
        }
        for (int k = 0; k < 60; k++) {
            String word = k < 6 ? List.of("guaranteed", "cure", "miracle", "clinically proven", "100% natural", "free").get(k)
                    : pseudoWord(random);
            rules.add(scope(rules.size(), new RuleSpec.ClaimWord(List.of(word))));
        }
        for (int k = 0; k < 30; k++) {
            rules.add(scope(rules.size(), new RuleSpec.RequiredDisclaimer("Paid partnership with Acme",
                    List.of("#ad", "sponsored", pseudoWord(random)))));
        }
        String[] patterns = {"\\b\\d{3}-\\d{4}\\b", "(?i)\\bbuy\\s+now\\b", "[A-Z]{5,}", "!!+", "\\$\\d+(?:\\.\\d{2})?",
                "(?i)\\blimited\\s+time\\b", "[\\w.+-]+@[\\w-]+\\.[a-z]{2,}", "(?i)\\bclick\\s+here\\b", "\\b(?:[A-Z]\\.){2,}",
                "(?i)\\bwin(?:ner)?\\b", "\\d+%", "(?i)\\bdm\\s+me\\b", "(?i)\\bno\\s+risk\\b", "\\?{2,}", "(?i)\\bact\\s+fast\\b",
                "(?i)^\\s*$", "[\\x{2600}-\\x{27BF}]{3,}", "(?i)\\bdiscount\\s+code\\b", "(?i)\\bfollow\\s+for\\b",
                "a{5,}|e{5,}|o{5,}|!{5,}"};
        for (int k = 0; k < patterns.length; k++) {
            rules.add(scope(rules.size(), new RuleSpec.RegexPattern(patterns[k], k == 15, false)));
        }
        for (int k = 0; k < 20; k++) {
            rules.add(scope(rules.size(), new RuleSpec.HashtagRule(k % 3 == 0 ? List.of("brand") : List.of(),
                    List.of("crypto", pseudoWord(random)), k % 2 == 0 ? 5 + k : null)));
        }
        for (int k = 0; k < 10; k++) {
            rules.add(scope(rules.size(), new RuleSpec.LinkAllowlist(List.of("example.com", pseudoWord(random) + ".org"))));
        }
        for (int k = 0; k < 10; k++) {
            rules.add(scope(rules.size(), new RuleSpec.LengthLimit(List.of(100, 150, 500, 2200, 5000).get(k % 5))));
        }
        return rules;
    }

    private static Rule scope(int index, RuleSpec spec) {
        Set<Platform> platforms = index % 7 == 0 ? Set.of(Platform.TIKTOK) : Set.of();
        Set<String> fields = index % 11 == 0 ? Set.of("caption") : Set.of();
        Severity severity = spec.kind() == RuleKind.CLAIM_WORD ? Severity.WARN : Severity.BLOCK;
        return new Rule(index + 1, 1, "Rule " + (index + 1), spec.kind(), severity, platforms, fields, "", spec);
    }

    private static String pseudoWord(Random random) {
        String[] syllables = {"ka", "zu", "mi", "rö", "tel", "vak", "qui", "sho", "ré", "bax", "nor", "ly"};
        StringBuilder word = new StringBuilder();
        for (int k = 2 + random.nextInt(2); k > 0; k--) {
            word.append(syllables[random.nextInt(syllables.length)]);
        }
        return word.toString();
    }

    /** Exactly {@link #TEXT_LENGTH} UTF-16 chars of words, emoji, hashtags, links and planted violations. */
    static String text() {
        Random random = new Random(11);
        StringBuilder sb = new StringBuilder(TEXT_LENGTH + 64);
        while (sb.length() < TEXT_LENGTH) {
            sb.append(random.nextInt(12) == 0 ? INSERTS[random.nextInt(INSERTS.length)] : WORDS[random.nextInt(WORDS.length)]);
            sb.append(random.nextInt(9) == 0 ? ", " : random.nextInt(15) == 0 ? ".\n" : " ");
        }
        sb.setLength(TEXT_LENGTH);
        if (Character.isHighSurrogate(sb.charAt(TEXT_LENGTH - 1))) {
            sb.setCharAt(TEXT_LENGTH - 1, ' ');
        }
        return sb.toString();
    }

    /** Cuts the text into posts without splitting a surrogate pair between fields. */
    private static List<CheckedText> posts(String text) {
        List<CheckedText> posts = new ArrayList<>();
        Platform[] platforms = Platform.values();
        int at = 0;
        while (at < text.length()) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : List.of("title", "description", "caption")) {
                int end = Math.min(text.length(), at + switch (field) {
                    case "title" -> 100;
                    case "description" -> 700;
                    default -> 200;
                });
                if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
                    end++;
                }
                fields.put(field, text.substring(at, end));
                at = end;
            }
            posts.add(new CheckedText(platforms[posts.size() % platforms.length], fields));
        }
        return posts;
    }
}
