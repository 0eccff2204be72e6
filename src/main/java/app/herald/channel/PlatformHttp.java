package app.herald.channel;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The JDK HTTP plumbing the platform connectors share: one client each, text answers, form bodies, JSON, Retry-After. */
public final class PlatformHttp {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String platform;

    /** A client for {@code platform} (named in interruption messages) that connects within {@code timeout}. */
    public PlatformHttp(String platform, Duration timeout) {
        this.platform = platform;
        // HTTP/1.1: the upload protocols are plain request/response, and a redirect status must come back to us, never
        // be followed (YouTube's 308 means "resume here").
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
    }

    /** Sends {@code request} and reads the answer as text; a dropped connection, a timeout or an interrupt throw. */
    public HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + platform);
        }
    }

    /** {@code application/x-www-form-urlencoded} (also a query string) from {@code parameters} in their order. */
    public static String form(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** An interruption as users read it in the failure reason: its kind and, when it has one, its message. */
    public static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** The body as JSON; an empty object when it is not JSON (a proxy's HTML error page, an empty body). */
    public static JsonNode json(String body) {
        if (body == null || body.isBlank()) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable (the dispatcher backs off). */
    public static Instant retryAfter(HttpHeaders headers, Instant now) {
        String value = headers.firstValue("Retry-After").map(String::strip).orElse(null);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return now.plusSeconds(Long.parseLong(value));
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
