package app.herald.channel.facebook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import app.herald.channel.ChannelRef;
import app.herald.channel.ChannelTokens;
import app.herald.channel.Connector;
import app.herald.channel.ConnectorFailure;
import app.herald.channel.FailureClass;
import app.herald.channel.MetricsBatch;
import app.herald.channel.PlatformHandle;
import app.herald.channel.PlatformHttp;
import app.herald.channel.PublishRequest;
import app.herald.channel.RemoteStatus;
import app.herald.channel.VideoMetrics;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;

/**
 * Facebook Reels through the Graph API (contract: platform-apis.md section 3) with a Page access token and the JDK
 * HTTP client: {@code video_reels} start (its {@code video_id} is the upload handle), rupload POSTs with
 * {@code offset}/{@code file_size} that resume from what Facebook reports, {@code finish} with {@code PUBLISHED},
 * the video's {@code status} phases, the Page's reels for reconciliation and {@code video_insights} for counters.
 */
@ApplicationScoped
public class FacebookConnector implements Connector {

    private static final Logger LOG = Logger.getLogger(FacebookConnector.class);

    /**
     * Reels metrics asked of {@code video_insights} (platform-apis.md 3.4). {@code post_impressions_unique} is being
     * retired; it stays asked for until Facebook refuses it, and is then dropped (see {@link #retired}).
     */
    static final List<String> METRICS = List.of("blue_reels_play_count", "post_video_likes_by_reaction_type",
            "post_video_social_actions", "post_video_view_time", "post_video_avg_time_watched", "post_video_followers",
            "post_impressions_unique");
    /** How far back the Page's reels are searched for a publication whose handle was lost. */
    private static final Duration LOOKUP_WINDOW = Duration.ofDays(2);

    private final HeraldConfig.Facebook settings;
    private final ChannelTokens tokens;
    private final PlatformHttp http;
    /** Metrics Facebook refused with {@code (#100)}: not asked again until a restart, so one fetch costs one call. */
    private final Set<String> retired = ConcurrentHashMap.newKeySet();

    @Inject
    public FacebookConnector(HeraldConfig config, ChannelTokens tokens) {
        this.settings = config.facebook();
        this.tokens = tokens;
        this.http = new PlatformHttp("Facebook", settings.timeout());
    }

    /** Real Facebook Pages, once Herald has a Meta app to connect them with. */
    @Override
    public boolean serves(ChannelRef channel) {
        return !channel.sandbox() && channel.platform() == Platform.FACEBOOK_REELS && settings.appId().isPresent()
                && settings.appSecret().isPresent();
    }

    @Override
    public int chunkSize() {
        return settings.chunkSize();
    }

    /** {@code upload_phase=start} on the Page: an empty container whose {@code video_id} is the handle. */
    @Override
    public PlatformHandle start(PublishRequest request) throws ConnectorFailure {
        ChannelTokens.Tokens page = stored(request.channel());
        String body = PlatformHttp.JSON.createObjectNode().put("upload_phase", "start").put("access_token", page.accessToken())
                .toString();
        HttpRequest post = HttpRequest.newBuilder(graph(page.accountId() + "/video_reels", Map.of()))
                .timeout(settings.timeout()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response;
        try {
            response = http.send(post);
        } catch (IOException e) {
            // No video_id came back, so no bytes can follow it: a new container is safe (an orphan is never published).
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "Facebook did not answer the upload"
                    + " start (" + PlatformHttp.describe(e) + ").");
        }
        if (response.statusCode() != 200) {
            throw GraphErrors.classify(response);
        }
        String videoId = PlatformHttp.json(response.body()).path("video_id").asText("");
        if (videoId.isEmpty()) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 200, "no_video_id", "Facebook opened no upload (no video_id).");
        }
        return new PlatformHandle(videoId, 0, null);
    }

    /**
     * Sends the bytes at the handle's offset to rupload. Anything but a success (a dropped connection, a refused
     * offset, a partial body) is followed by the video's status, and sending resumes from the bytes Facebook holds.
     */
    @Override
    public PlatformHandle send(PublishRequest request, PlatformHandle handle, byte[] chunk) throws ConnectorFailure {
        String token = stored(request.channel()).accessToken();
        long end = handle.offset() + chunk.length;
        HttpRequest post = HttpRequest.newBuilder(URI.create(settings.ruploadBase() + "/video-upload/"
                        + settings.graphVersion() + "/" + handle.uploadRef()))
                .timeout(settings.timeout())
                .header("Authorization", "OAuth " + token)
                .header("offset", String.valueOf(handle.offset()))
                .header("file_size", String.valueOf(request.size()))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(chunk)).build();
        HttpResponse<String> response;
        try {
            response = http.send(post);
        } catch (IOException e) {
            if (end >= request.size()) {
                throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, null, "no_answer", "No answer from Facebook"
                        + " after the final bytes (" + PlatformHttp.describe(e) + "); the upload may have completed.");
            }
            return handle.atOffset(held(request, handle, "the connection dropped during a chunk (" + PlatformHttp.describe(e) + ")"));
        }
        int status = response.statusCode();
        JsonNode body = PlatformHttp.json(response.body());
        if (status == 200 && body.path("success").asBoolean(false)) {
            return handle.atOffset(end);
        }
        if (status >= 500 || body.has("error")) {
            // A Graph error envelope (token, limits, outage) is classified as on any other call.
            throw GraphErrors.classify(response);
        }
        // rupload's own refusals (OffsetInvalidError, PartialRequestError) say the offset is not Facebook's: ask it.
        String type = body.path("debug_info").path("type").asText("HTTP " + status);
        return handle.atOffset(held(request, handle, "Facebook refused the chunk (" + type + ")"));
    }

    /**
     * {@code upload_phase=finish} with the caption as description and the title: {@code video_state=PUBLISHED}, or
     * {@code SCHEDULED} with {@code scheduled_publish_time} (unix seconds) when Facebook is to publish it at the slot.
     */
    @Override
    public PlatformHandle finish(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        ChannelTokens.Tokens page = stored(request.channel());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("upload_phase", "finish");
        form.put("video_id", handle.uploadRef());
        if (request.publishAt() == null) {
            form.put("video_state", "PUBLISHED");
        } else {
            form.put("video_state", "SCHEDULED");
            form.put("scheduled_publish_time", String.valueOf(request.publishAt().getEpochSecond()));
        }
        form.put("description", request.caption());
        form.put("title", request.title());
        form.put("access_token", page.accessToken());
        HttpRequest post = HttpRequest.newBuilder(graph(page.accountId() + "/video_reels", Map.of()))
                .timeout(settings.timeout()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlatformHttp.form(form))).build();
        HttpResponse<String> response;
        try {
            response = http.send(post);
        } catch (IOException e) {
            // Never finish blindly twice: the video's publishing phase says whether this one went through.
            throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, null, "no_answer", "No answer from Facebook to"
                    + " the publish request (" + PlatformHttp.describe(e) + "); it may have been published.");
        }
        if (response.statusCode() != 200) {
            throw GraphErrors.classify(response);
        }
        if (!PlatformHttp.json(response.body()).path("success").asBoolean(false)) {
            throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, 200, "no_success", "Facebook answered the publish"
                    + " request without success; Herald checks the video.");
        }
        return handle.withVideo(handle.uploadRef());
    }

    /** The video's {@code status} phases (platform-apis.md 3.3 step 4). */
    @Override
    public RemoteStatus status(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        if (handle.uploadRef() == null) {
            return new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "No upload container.");
        }
        HttpResponse<String> response = get(request.channel(), handle.uploadRef(), Map.of("fields", "status"));
        if (response.statusCode() != 200) {
            JsonNode error = PlatformHttp.json(response.body()).path("error");
            // (#100) subcode 33: no such object. Before publishing that is a lost container, sent again; after, the
            // video was deleted and must never come back twice.
            if (error.path("code").asInt() == 100 && error.path("error_subcode").asInt() == 33) {
                return handle.videoId() == null
                        ? new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "Facebook no longer knows the upload.")
                        : failed(handle.videoId(), request.size(), "Facebook no longer shows video " + handle.videoId()
                                + " to this Page (deleted or made unavailable).");
            }
            throw GraphErrors.classify(response);
        }
        return remoteStatus(PlatformHttp.json(response.body()), request.size(), handle.videoId() != null);
    }

    /**
     * The playbook without a handle: the Page's reels of the last two days whose description is exactly the one
     * Herald sends; only a single such reel counts (several, or a blank description, are ambiguous, and the stored
     * video_id decides then).
     */
    @Override
    public Optional<RemoteStatus> lookup(PublishRequest request) throws ConnectorFailure {
        if (request.caption().isBlank()) {
            // Reels without a description are all alike: none of them can be told to be this publication's.
            return Optional.empty();
        }
        ChannelTokens.Tokens page = stored(request.channel());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("fields", "id,description,created_time");
        parameters.put("since", String.valueOf(Instant.now().minus(LOOKUP_WINDOW).getEpochSecond()));
        HttpResponse<String> response = get(request.channel(), page.accountId() + "/video_reels", parameters);
        if (response.statusCode() != 200) {
            throw GraphErrors.classify(response);
        }
        List<String> matches = new ArrayList<>();
        for (JsonNode reel : PlatformHttp.json(response.body()).path("data")) {
            if (request.caption().equals(reel.path("description").asText(null))) {
                matches.add(reel.path("id").asText());
            }
        }
        if (matches.size() != 1) {
            return Optional.empty();
        }
        PlatformHandle found = new PlatformHandle(matches.get(0), request.size(), matches.get(0));
        return Optional.of(status(request, found));
    }

    /**
     * Lifetime counters from {@code video_insights}, one call per video (the endpoint takes one). A video Facebook no
     * longer shows (deleted, another Page's) is left out; a metric it refuses is dropped (see {@link #insights}) and
     * reported with every fetch after, so pages can say why it is empty.
     */
    @Override
    public MetricsBatch metrics(ChannelRef channel, List<String> videoIds) throws ConnectorFailure {
        Map<String, VideoMetrics> found = new LinkedHashMap<>();
        for (String videoId : videoIds) {
            try {
                found.put(videoId, insights(channel, videoId));
            } catch (ConnectorFailure failure) {
                if (failure.failureClass() != FailureClass.INVALID) {
                    throw failure;
                }
                LOG.debugf("Facebook gives no insights for video %s: %s", videoId, failure.getMessage());
            }
        }
        List<String> dropped = METRICS.stream().filter(retired::contains)
                .map(metric -> metric + ": refused by Facebook with (#100)").toList();
        return new MetricsBatch(found, dropped);
    }

    /**
     * One video's counters. A metric Facebook refuses with {@code (#100)} (retired, or not offered for reels) is
     * dropped from the request, logged, and the others are asked again: it stays null.
     */
    private VideoMetrics insights(ChannelRef channel, String videoId) throws ConnectorFailure {
        List<String> asked = new ArrayList<>(METRICS);
        asked.removeAll(retired);
        while (!asked.isEmpty()) {
            Map<String, String> parameters = new LinkedHashMap<>();
            parameters.put("metric", String.join(",", asked));
            parameters.put("period", "lifetime");
            HttpResponse<String> response = get(channel, videoId + "/video_insights", parameters);
            if (response.statusCode() == 200) {
                return metrics(PlatformHttp.json(response.body()).path("data"));
            }
            JsonNode error = PlatformHttp.json(response.body()).path("error");
            if (error.path("code").asInt() != 100) {
                throw GraphErrors.classify(response);
            }
            String message = error.path("message").asText("");
            List<String> refused = asked.stream().filter(message::contains).toList();
            if (refused.isEmpty()) {
                // The refusal names no metric: ask each alone once to learn which ones Facebook no longer gives.
                refused = new ArrayList<>();
                for (String metric : asked) {
                    if (refuses(channel, videoId, metric)) {
                        refused.add(metric);
                    }
                }
                // Refused whatever is asked: the video is gone (or not this Page's), not the metrics.
                if (refused.isEmpty() || refused.size() == asked.size()) {
                    throw GraphErrors.classify(response);
                }
            }
            for (String metric : refused) {
                retired.add(metric);
                asked.remove(metric);
                LOG.warnf("Facebook refused the metric %s (%s); it is no longer asked for and stays empty.", metric, message);
            }
        }
        return metrics(PlatformHttp.JSON.createArrayNode());
    }

    /** Whether {@code video_insights} refuses {@code metric} alone with {@code (#100)}. */
    private boolean refuses(ChannelRef channel, String videoId, String metric) throws ConnectorFailure {
        HttpResponse<String> response = get(channel, videoId + "/video_insights", Map.of("metric", metric, "period", "lifetime"));
        return response.statusCode() != 200
                && PlatformHttp.json(response.body()).path("error").path("code").asInt() == 100;
    }

    /**
     * Page tokens have no refresh flow and no expiry (platform-apis.md 3.1): renewing means checking that the stored
     * one still opens the Page. A refused token (code 190, a lost role) means an admin must connect the Page again.
     */
    @Override
    public boolean refresh(ChannelRef channel) throws ConnectorFailure {
        ChannelTokens.Tokens page = stored(channel);
        if (page.accountId() == null) {
            return false;
        }
        HttpResponse<String> response = get(channel, page.accountId(), Map.of("fields", "id"));
        if (response.statusCode() == 200) {
            return true;
        }
        ConnectorFailure failure = GraphErrors.classify(response);
        if (failure.failureClass() == FailureClass.AUTH) {
            return false;
        }
        throw failure;
    }

    /** After an interrupted or refused chunk: the bytes Facebook holds, from {@code uploading_phase.bytes_transfered}. */
    private long held(PublishRequest request, PlatformHandle handle, String interruption) throws ConnectorFailure {
        RemoteStatus remote;
        try {
            remote = status(request, handle);
        } catch (ConnectorFailure failure) {
            if (failure.failureClass() != FailureClass.TRANSIENT) {
                throw failure;
            }
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "Sending to Facebook stopped: "
                    + interruption + ", and the status query failed too; sending resumes from what Facebook holds.");
        }
        return switch (remote.state()) {
            case UPLOADING -> remote.bytesReceived();
            case NOT_FOUND -> throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, null, "upload_expired", "Facebook"
                    + " no longer knows the upload (" + interruption + "); Herald checks the Page before starting again.");
            case FAILED -> throw new ConnectorFailure(FailureClass.INVALID, null, "upload_failed", remote.message());
            case PROCESSING, SCHEDULED, PUBLISHED -> request.size();
        };
    }

    /** A {@code ?fields=status} answer reduced to what the dispatcher acts on. */
    private static RemoteStatus remoteStatus(JsonNode video, long size, boolean finished) {
        String id = video.path("id").asText(null);
        JsonNode status = video.path("status");
        JsonNode uploading = status.path("uploading_phase");
        JsonNode processing = status.path("processing_phase");
        JsonNode publishing = status.path("publishing_phase");
        String publishStatus = publishing.path("publish_status").asText("");
        for (JsonNode phase : List.of(uploading, processing, publishing)) {
            if ("error".equals(phase.path("status").asText())) {
                return failed(id, size, "Facebook refused the reel: " + phaseMessage(phase) + ".");
            }
        }
        if ("error".equals(status.path("video_status").asText()) || "error".equals(publishStatus)) {
            return failed(id, size, "Facebook refused the reel: " + phaseMessage(publishing) + ".");
        }
        if ("published".equals(publishStatus) && done(publishing)) {
            return new RemoteStatus(RemoteStatus.State.PUBLISHED, size, id, "https://www.facebook.com/reel/" + id, null);
        }
        if ("scheduled".equals(publishStatus)) {
            return new RemoteStatus(RemoteStatus.State.SCHEDULED, size, id, "https://www.facebook.com/reel/" + id, null);
        }
        if ("expired".equals(status.path("video_status").asText())) {
            return new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "Facebook let the upload expire.");
        }
        boolean publishStarted = done(publishing) || "in_progress".equals(publishing.path("status").asText());
        if (finished || publishStarted) {
            return new RemoteStatus(RemoteStatus.State.PROCESSING, size, id, null, null);
        }
        // Not published yet and Herald has not seen finish succeed: the bytes held decide whether finish comes next.
        long held = done(uploading) ? size : Math.min(size, uploading.path("bytes_transfered").asLong(0));
        return new RemoteStatus(RemoteStatus.State.UPLOADING, held, null, null, null);
    }

    /** The contract's table says {@code completed}, its examples {@code complete}: both count. */
    private static boolean done(JsonNode phase) {
        String status = phase.path("status").asText("");
        return status.equals("complete") || status.equals("completed");
    }

    private static String phaseMessage(JsonNode phase) {
        String message = phase.path("error").path("message").asText("");
        if (message.isEmpty()) {
            message = phase.path("errors").path(0).path("message").asText("no reason given");
        }
        return message;
    }

    private static RemoteStatus failed(String id, long size, String message) {
        return new RemoteStatus(RemoteStatus.State.FAILED, size, id, null, message);
    }

    /** Reads the counters Herald keeps from an insights {@code data} array; what Facebook did not give stays null. */
    private static VideoMetrics metrics(JsonNode data) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (JsonNode metric : data) {
            values.put(metric.path("name").asText(), metric.path("values").path(0).path("value"));
        }
        Long views = number(values.get("blue_reels_play_count"));
        Long likes = sum(values.get("post_video_likes_by_reaction_type"));
        JsonNode social = values.get("post_video_social_actions");
        Long comments = social == null ? null : number(social.get("COMMENT"));
        Long shares = social == null ? null : number(social.get("SHARE"));
        Long viewTimeMillis = number(values.get("post_video_view_time"));
        Long averageMillis = number(values.get("post_video_avg_time_watched"));
        return new VideoMetrics(Instant.now(), views, likes, comments, shares, null,
                viewTimeMillis == null ? null : viewTimeMillis / 1000, averageMillis == null ? null : averageMillis / 1000.0,
                null, number(values.get("post_impressions_unique")), number(values.get("post_video_followers")));
    }

    private static Long number(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asLong();
    }

    /** Reactions come as an object keyed by type ({@code {"like":3,"love":1}}): Herald counts them all as likes. */
    private static Long sum(JsonNode byType) {
        if (byType == null || !byType.isObject()) {
            return null;
        }
        long total = 0;
        for (JsonNode count : byType) {
            total += count.asLong(0);
        }
        return total;
    }

    /** A Graph GET with the Page token as the documented {@code access_token} parameter. */
    private HttpResponse<String> get(ChannelRef channel, String path, Map<String, String> parameters) throws ConnectorFailure {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("access_token", stored(channel).accessToken());
        HttpRequest request = HttpRequest.newBuilder(graph(path, all)).timeout(settings.timeout()).GET().build();
        try {
            return http.send(request);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "Facebook did not answer GET /" + path
                    + " (" + PlatformHttp.describe(e) + ").");
        }
    }

    private URI graph(String path, Map<String, String> parameters) {
        String uri = settings.graphBase() + "/" + settings.graphVersion() + "/" + path;
        return URI.create(parameters.isEmpty() ? uri : uri + "?" + PlatformHttp.form(parameters));
    }

    /**
     * The Page's id and token; none, or a token that cannot be opened, is an AUTH failure whose message the channel's
     * "reconnect needed" reason then shows.
     */
    private ChannelTokens.Tokens stored(ChannelRef channel) throws ConnectorFailure {
        return tokens.require(channel, "Facebook Page");
    }
}
