package app.herald.channel.youtube;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * A stateful stand-in for YouTube's resumable upload protocol (platform-apis.md 1.2), for tests that run many uploads
 * at once: a session opened by {@code POST} takes {@code PUT}s only where it stands ({@code 308 Range} after each,
 * the status query {@code bytes *}{@code /N} answered from what it holds), and the last byte creates a video whose id
 * is the start of the SHA-256 of every byte received in order, so a test can prove the whole file arrived in one
 * session. Stubs opt in with {@code withTransformers(ResumableSessions.NAME)}; the request journal still shows every
 * call.
 */
public class ResumableSessions implements ResponseDefinitionTransformerV2 {

    public static final String NAME = "youtube-resumable-sessions";

    private static final Pattern RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+)");
    private static final Pattern QUERY = Pattern.compile("bytes \\*/(\\d+)");

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** One open session: its size, the bytes held and their running digest. */
    private static final class Session {
        final long size;
        long held;
        final MessageDigest digest;
        String videoId;

        Session(long size) {
            this.size = size;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The id the stub gives the video made of exactly {@code bytes}' SHA-256 (hex): its first 11 characters. */
    public static String videoId(String sha256Hex) {
        return "V" + sha256Hex.substring(0, 10);
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        return switch (request.getMethod().getName()) {
            case "POST" -> open(request);
            case "PUT" -> put(request);
            case "GET" -> video(request);
            default -> ResponseDefinition.notFound();
        };
    }

    private ResponseDefinition open(Request request) {
        String id = "S" + ids.incrementAndGet();
        sessions.put(id, new Session(Long.parseLong(request.getHeader("X-Upload-Content-Length"))));
        String location = request.getAbsoluteUrl().replaceFirst("\\?.*", "") + "?uploadType=resumable&upload_id=" + id
                + "&part=snippet,status";
        return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Location", location).build();
    }

    private ResponseDefinition put(Request request) {
        Session session = sessions.get(request.queryParameter("upload_id").firstValue());
        if (session == null) {
            return ResponseDefinition.notFound();
        }
        synchronized (session) {
            String contentRange = request.getHeader("Content-Range");
            Matcher query = QUERY.matcher(contentRange);
            if (!query.matches()) {
                Matcher range = RANGE.matcher(contentRange);
                byte[] body = request.getBody();
                if (!range.matches() || Long.parseLong(range.group(1)) != session.held
                        || Long.parseLong(range.group(2)) - Long.parseLong(range.group(1)) + 1 != body.length
                        || Long.parseLong(range.group(3)) != session.size) {
                    return json(400, "{\"error\":{\"code\":400,\"message\":\"Bad Content-Range " + contentRange
                            + "\",\"errors\":[{\"reason\":\"badContent\"}]}}");
                }
                session.digest.update(body);
                session.held += body.length;
                if (session.held == session.size) {
                    session.videoId = videoId(HexFormat.of().formatHex(session.digest.digest()));
                }
            }
            if (session.videoId != null) {
                return json(201, "{\"kind\":\"youtube#video\",\"id\":\"" + session.videoId
                        + "\",\"status\":{\"uploadStatus\":\"uploaded\",\"privacyStatus\":\"public\"}}");
            }
            ResponseDefinitionBuilder resume = ResponseDefinitionBuilder.responseDefinition().withStatus(308);
            // No Range header at all while the session holds nothing, as YouTube answers.
            return (session.held == 0 ? resume : resume.withHeader("Range", "bytes=0-" + (session.held - 1))).build();
        }
    }

    /** {@code videos.list}: every video this stub created is processed. */
    private static ResponseDefinition video(Request request) {
        String id = request.queryParameter("id").firstValue();
        return json(200, "{\"items\":[{\"id\":\"" + id + "\",\"status\":{\"uploadStatus\":\"processed\"},"
                + "\"processingDetails\":{\"processingStatus\":\"succeeded\"}}]}");
    }

    private static ResponseDefinition json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody(body).build();
    }
}
