package app.herald.governance.engine;

import java.net.IDN;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds http(s) and bare "www." links in original text and compares their hosts with allowed domains. */
final class Links {

    /** One link occurrence and its normalised host. */
    record Link(int start, int end, String host) {
    }

    /** Spelled-out case variants instead of (?i) and \b, which make the scan several times slower. */
    private static final Pattern LINK = Pattern.compile(
            "(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\\.)[\\p{L}\\p{M}\\p{N}\\-._~:/?#@!$&*+,;=%()\\[\\]]+");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** Sentence punctuation that ends prose rather than the link ("see www.example.com."). */
    private static final String TRAILING_PUNCTUATION = ".,;:!?)]";

    private Links() {
    }

    static List<Link> find(String text) {
        List<Link> found = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            if (m.start() > 0 && Character.isLetterOrDigit(text.codePointBefore(m.start()))) {
                continue; // "awww.x" or "xhttp://" is not the start of a link
            }
            int end = m.end();
            while (end > m.start() && TRAILING_PUNCTUATION.indexOf(text.charAt(end - 1)) >= 0
                    && !(text.charAt(end - 1) == ')' && text.lastIndexOf('(', end - 1) >= m.start())) {
                end--;
            }
            String host = hostOf(text.substring(m.start(), end));
            if (!host.isEmpty()) {
                found.add(new Link(m.start(), end, host));
            }
        }
        return found;
    }

    /**
     * Lower-case ASCII (punycode) form of an allowed domain, or "" if it is not a bare domain name,
     * so "Bücher.de" and "xn--bcher-kva.de" compare equal and schemes or paths are rejected.
     */
    static String normalizeDomain(String domain) {
        String ascii = toAscii(domain.strip());
        return DOMAIN.matcher(ascii).matches() ? ascii : "";
    }

    /** True for the domain itself or a subdomain; "evil-example.com" is not under "example.com". */
    static boolean isUnder(String host, String domain) {
        return host.equals(domain)
                || host.length() > domain.length() && host.endsWith(domain)
                && host.charAt(host.length() - domain.length() - 1) == '.';
    }

    private static String hostOf(String link) {
        int schemeEnd = link.indexOf("://");
        String rest = schemeEnd >= 0 ? link.substring(schemeEnd + 3) : link;
        int authorityEnd = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int at = rest.indexOf(c);
            if (at >= 0) {
                authorityEnd = Math.min(authorityEnd, at);
            }
        }
        String authority = rest.substring(0, authorityEnd);
        String host = authority.substring(authority.lastIndexOf('@') + 1); // "example.com@evil.io" is evil.io
        int port = host.indexOf(':');
        if (port >= 0) {
            host = host.substring(0, port);
        }
        while (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return toAscii(host);
    }

    private static String toAscii(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        try {
            return IDN.toASCII(lower, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            return lower; // not a valid IDN; the raw form still never equals an allowed domain by accident
        }
    }
}
