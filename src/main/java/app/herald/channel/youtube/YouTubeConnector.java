package app.herald.channel.youtube;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.herald.channel.ChannelRef;
import app.herald.channel.ChannelTokens;
import app.herald.channel.Connector;
import app.herald.channel.CoverFrames;
import app.herald.channel.ConnectorFailure;
import app.herald.channel.FailureClass;
import app.herald.channel.MetricsBatch;
import app.herald.channel.PlatformHttp;
import app.herald.channel.PlatformHandle;
import app.herald.channel.PublishRequest;
import app.herald.channel.RemoteStatus;
import app.herald.channel.VideoMetrics;
import app.herald.platform.Platform;
import app.herald.system.HeraldConfig;
import app.herald.system.StartupFailure;
import io.quarkus.runtime.Startup;

/**
 * YouTube Shorts through the YouTube Data API v3 (contract: platform-apis.md section 1), with the JDK HTTP client: a
 * resumable {@code videos.insert} session whose URI is the upload handle, chunked PUTs that always continue from
 * the server's {@code Range}, the session's status query after any interruption, {@code videos.list} for processing
 * and counters, {@code thumbnails.set} for a chosen cover frame, the uploads playlist for reconciliation, and Google's
 * token endpoint to renew access. Every Data API call is counted against the project's daily quota first
 * ({@link YouTubeQuota}).
 */
@Startup
@ApplicationScoped
public class YouTubeConnector implements Connector {

    /** The resumable protocol takes chunks in multiples of 256 KiB; only the last may be smaller. */
    static final int CHUNK_UNIT = 256 * 1024;
    /** "People & Blogs": YouTube wants a category on every insert; Shorts have no category of their own. */
    private static final String CATEGORY = "22";
    private static final Pattern RANGE = Pattern.compile("bytes=0-(\\d+)");
    private static final String PLATFORM = "YouTube";
    /** Units of the general quota one {@code thumbnails.set} costs (platform-apis.md 1.7: "~50"). */
    static final long THUMBNAIL_COST = 50;
    /** Most ids one {@code videos.list} (and one Analytics report) takes. */
    static final int METRICS_BATCH = 50;
    /** The Analytics API's per-video metrics Herald keeps beyond the Data API's counters (platform-apis.md 1.6). */
    static final String ANALYTICS_METRICS = "estimatedMinutesWatched,averageViewDuration,averageViewPercentage,shares,subscribersGained";
    /** A lifetime report starts before any video: the day YouTube opened. */
    private static final String ANALYTICS_START = "2005-04-23";

    private final HeraldConfig.YouTube settings;
    private final URI oauthBase;
    private final ChannelTokens tokens;
    private final PlatformHttp http;

    @Inject
    YouTubeQuota quota;

    @Inject
    CoverFrames frames;

    @Inject
    public YouTubeConnector(HeraldConfig config, ChannelTokens tokens) {
        this.settings = config.youtube();
        this.oauthBase = config.google().oauthBase();
        this.tokens = tokens;
        int chunk = settings.chunkSize();
        if (chunk <= 0 || chunk % CHUNK_UNIT != 0) {
            throw new StartupFailure("herald.youtube.chunk-size is " + chunk + "; YouTube takes chunks in"
                    + " multiples of 262144 bytes (256 KiB), e.g. 4194304.");
        }
        this.http = new PlatformHttp(PLATFORM, settings.timeout());
    }

    /** Real YouTube channels, once Herald has a Google OAuth client to renew their access with. */
    @Override
    public boolean serves(ChannelRef channel) {
        return !channel.sandbox() && channel.platform() == Platform.YOUTUBE_SHORTS && settings.clientId().isPresent()
                && settings.clientSecret().isPresent();
    }

    @Override
    public int chunkSize() {
        return settings.chunkSize();
    }

    /** Opens the resumable session with the video's metadata; its URI ({@code Location}) is the handle. */
    @Override
    public PlatformHandle start(PublishRequest request) throws ConnectorFailure {
        URI uri = URI.create(settings.uploadBase() + "/upload/youtube/v3/videos?uploadType=resumable&part=snippet%2Cstatus");
        HttpRequest post = authorized(uri, request.channel())
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("X-Upload-Content-Length", String.valueOf(request.size()))
                .header("X-Upload-Content-Type", request.mimeType())
                .POST(HttpRequest.BodyPublishers.ofString(metadata(request), StandardCharsets.UTF_8)).build();
        quota.spend(YouTubeQuota.Bucket.INSERT, "videos.insert");
        HttpResponse<String> response;
        try {
            response = http.send(post);
        } catch (IOException e) {
            // No session URI came back, so no bytes can follow it: opening a new session is safe (the orphan expires).
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "YouTube did not answer the upload"
                    + " session request (" + PlatformHttp.describe(e) + ").");
        }
        if (response.statusCode() != 200) {
            throw counted(GoogleErrors.classify(response), YouTubeQuota.Bucket.INSERT);
        }
        String location = response.headers().firstValue("Location").orElseThrow(() -> new ConnectorFailure(
                FailureClass.TRANSIENT, 200, "no_location", "YouTube opened no upload session (no Location header)."));
        return new PlatformHandle(uri.resolve(location).toString(), 0, null);
    }

    /** Sends the bytes at the handle's offset; the answer's {@code Range} says where the next chunk starts. */
    @Override
    public PlatformHandle send(PublishRequest request, PlatformHandle handle, byte[] chunk) throws ConnectorFailure {
        long first = handle.offset();
        long last = first + chunk.length - 1;
        HttpRequest put = authorized(URI.create(handle.uploadRef()), request.channel())
                .header("Content-Type", request.mimeType())
                .header("Content-Range", "bytes " + first + "-" + last + "/" + request.size())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(chunk)).build();
        HttpResponse<String> response;
        try {
            response = http.send(put);
        } catch (IOException e) {
            if (last + 1 >= request.size()) {
                throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, null, "no_answer", "No answer from YouTube"
                        + " after the final bytes (" + PlatformHttp.describe(e) + "); the upload may have completed.");
            }
            // Part of the chunk may have arrived: the session itself says how much it holds, and sending resumes there.
            return handle.atOffset(held(request, handle, PlatformHttp.describe(e)));
        }
        return switch (response.statusCode()) {
            case 308 -> handle.atOffset(received(response));
            // The video is named by finish(), which asks the session again: the dispatcher keeps only the offset here.
            case 200, 201 -> handle.atOffset(request.size());
            case 404 -> throw sessionGone();
            default -> throw GoogleErrors.classify(response);
        };
    }

    /**
     * After the last byte the upload is already complete on YouTube (there is no separate publish call): the session's
     * status query replays the completion answer, which names the video.
     */
    @Override
    public PlatformHandle finish(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        HttpResponse<String> response = statusQuery(request, handle);
        return switch (response.statusCode()) {
            case 200, 201 -> handle.withVideo(videoId(response));
            case 308 -> throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, 308, "upload_incomplete", "YouTube"
                    + " holds " + received(response) + " of " + request.size() + " bytes; Herald checks and resumes.");
            case 404 -> throw sessionGone();
            default -> throw GoogleErrors.classify(response);
        };
    }

    /**
     * Takes the cover frame from the stored video as a JPEG and sets it as the video's thumbnail
     * ({@code POST /upload/youtube/v3/thumbnails/set?videoId=…}, 50 units of the general quota, counted first). YouTube
     * refuses custom thumbnails on channels that may not use them (403), throttles them (429
     * {@code uploadRateLimitExceeded}) and refuses bad images (400): the failure says why, and concerns the cover only.
     */
    @Override
    public String setCover(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        byte[] jpeg;
        try {
            jpeg = frames.jpeg(request.file(), request.mimeType(), request.cover());
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.INVALID, null, "frame", "Herald could not take the frame at "
                    + request.cover().secondsText() + " s from the video: " + e.getMessage());
        }
        URI uri = URI.create(settings.uploadBase() + "/upload/youtube/v3/thumbnails/set?videoId="
                + PlatformHttp.encode(handle.videoId()) + "&uploadType=media");
        HttpRequest post = authorized(uri, request.channel()).header("Content-Type", "image/jpeg")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jpeg)).build();
        quota.spend(YouTubeQuota.Bucket.GENERAL, "thumbnails.set", THUMBNAIL_COST);
        HttpResponse<String> response;
        try {
            response = http.send(post);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, null, "no_answer", "YouTube did not answer"
                    + " thumbnails.set (" + PlatformHttp.describe(e) + "); the cover may not be set.");
        }
        if (response.statusCode() != 200) {
            throw counted(GoogleErrors.classify(response), YouTubeQuota.Bucket.GENERAL);
        }
        return "YouTube shows the frame at " + request.cover().secondsText() + " s as the thumbnail of " + handle.videoId()
                + ".";
    }

    /** A known video from {@code videos.list}; otherwise the upload session's own status. */
    @Override
    public RemoteStatus status(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        if (handle.videoId() != null) {
            JsonNode items = get(request.channel(), "videos", Map.of("part", "status,processingDetails", "id",
                    handle.videoId())).path("items");
            if (items.isEmpty()) {
                // Never NOT_FOUND here: that would send the video again, and a deleted video must not come back twice.
                return new RemoteStatus(RemoteStatus.State.FAILED, request.size(), handle.videoId(), null, "YouTube no"
                        + " longer shows video " + handle.videoId() + " to this channel (deleted or made unavailable).");
            }
            return remoteStatus(items.path(0), request.size());
        }
        if (handle.uploadRef() == null) {
            return new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "No upload session.");
        }
        HttpResponse<String> response = statusQuery(request, handle);
        return switch (response.statusCode()) {
            case 200, 201 -> remoteStatus(PlatformHttp.json(response.body()), request.size());
            case 308 -> new RemoteStatus(RemoteStatus.State.UPLOADING, received(response), null, null, null);
            case 404 -> new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "YouTube no longer knows the upload"
                    + " session (it expired).");
            default -> throw GoogleErrors.classify(response);
        };
    }

    /**
     * The reconciliation playbook without a session: the channel's uploads playlist, its newest 50 videos, and the
     * one whose tags carry the publication's marker.
     */
    @Override
    public Optional<RemoteStatus> lookup(PublishRequest request) throws ConnectorFailure {
        ChannelRef channel = request.channel();
        JsonNode channels = get(channel, "channels", Map.of("part", "contentDetails", "mine", "true")).path("items");
        String uploads = channels.path(0).path("contentDetails").path("relatedPlaylists").path("uploads").asText("");
        if (uploads.isEmpty()) {
            return Optional.empty();
        }
        JsonNode items = get(channel, "playlistItems", Map.of("part", "snippet,contentDetails,status", "playlistId", uploads,
                "maxResults", "50")).path("items");
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.path("contentDetails").path("videoId").asText(
                item.path("snippet").path("resourceId").path("videoId").asText(""))));
        ids.removeIf(String::isEmpty);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        JsonNode videos = get(channel, "videos", Map.of("part", "snippet,status,processingDetails", "id",
                String.join(",", ids))).path("items");
        for (JsonNode video : videos) {
            for (JsonNode tag : video.path("snippet").path("tags")) {
                if (request.marker().equals(tag.asText())) {
                    return Optional.of(remoteStatus(video, request.size()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Lifetime counters from {@code videos.list} (50 ids a call; YouTube serialises counts as strings), completed by
     * the Analytics API's per-video report for what the Data API does not give (platform-apis.md 1.6). When the
     * channel's consent lacks the Analytics scope, or the report is refused, those metrics are dropped and reported
     * and the counters are kept.
     */
    @Override
    public MetricsBatch metrics(ChannelRef channel, List<String> videoIds) throws ConnectorFailure {
        Map<String, VideoMetrics> found = new LinkedHashMap<>();
        List<String> dropped = new ArrayList<>();
        for (List<String> ids : MetricsBatch.slices(videoIds, METRICS_BATCH)) {
            Instant now = Instant.now();
            JsonNode items = get(channel, "videos", Map.of("part", "statistics", "id", String.join(",", ids))).path("items");
            Map<String, Map<String, JsonNode>> report = dropped.isEmpty() ? report(channel, ids, now, dropped) : Map.of();
            for (JsonNode item : items) {
                String id = item.path("id").asText();
                JsonNode statistics = item.path("statistics");
                Map<String, JsonNode> row = report.getOrDefault(id, Map.of());
                Double minutes = decimal(row.get("estimatedMinutesWatched"));
                found.put(id, new VideoMetrics(now, count(statistics, "viewCount"), count(statistics, "likeCount"),
                        count(statistics, "commentCount"), whole(row.get("shares")), null,
                        minutes == null ? null : Math.round(minutes * 60), decimal(row.get("averageViewDuration")),
                        decimal(row.get("averageViewPercentage")), null, whole(row.get("subscribersGained"))));
            }
        }
        return new MetricsBatch(found, dropped);
    }

    /**
     * The Analytics API's lifetime report for {@code ids}, by video id and metric name (rows are positional, named by
     * {@code columnHeaders}; {@code rows} is absent when YouTube has no data yet). A refusal adds to {@code dropped}.
     */
    private Map<String, Map<String, JsonNode>> report(ChannelRef channel, List<String> ids, Instant now,
            List<String> dropped) throws ConnectorFailure {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("ids", "channel==MINE");
        query.put("startDate", ANALYTICS_START);
        query.put("endDate", now.atZone(ZoneOffset.UTC).toLocalDate().toString());
        query.put("metrics", ANALYTICS_METRICS);
        query.put("dimensions", "video");
        query.put("filters", "video==" + String.join(",", ids));
        query.put("sort", "-estimatedMinutesWatched");
        query.put("maxResults", String.valueOf(METRICS_BATCH));
        HttpResponse<String> response = send(channel, URI.create(settings.analyticsBase() + "/v2/reports?"
                + PlatformHttp.form(query)), "the Analytics API");
        if (response.statusCode() != 200) {
            ConnectorFailure failure = GoogleErrors.classify(response);
            boolean refused = failure.failureClass() == FailureClass.INVALID
                    || failure.failureClass() == FailureClass.AUTH && response.statusCode() == 403;
            if (!refused) {
                throw failure;
            }
            dropped.add(ANALYTICS_METRICS + ": " + failure.getMessage());
            return Map.of();
        }
        JsonNode table = PlatformHttp.json(response.body());
        List<String> columns = new ArrayList<>();
        table.path("columnHeaders").forEach(header -> columns.add(header.path("name").asText()));
        Map<String, Map<String, JsonNode>> rows = new LinkedHashMap<>();
        for (JsonNode row : table.path("rows")) {
            Map<String, JsonNode> named = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                named.put(columns.get(i), row.path(i));
            }
            rows.put(named.getOrDefault("video", PlatformHttp.JSON.nullNode()).asText(), named);
        }
        return rows;
    }

    /**
     * Renews the access token with the stored refresh token. Google's answer normally carries no new refresh token,
     * so the stored one is kept; {@code invalid_grant} (revoked, expired, unused for six months) means reconnecting.
     */
    @Override
    public boolean refresh(ChannelRef channel) throws ConnectorFailure {
        ChannelTokens.Tokens stored = tokens.require(channel, PLATFORM);
        if (stored.refreshToken() == null) {
            return false;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId().orElse(""));
        form.put("client_secret", settings.clientSecret().orElse(""));
        form.put("refresh_token", stored.refreshToken());
        form.put("grant_type", "refresh_token");
        HttpRequest post = HttpRequest.newBuilder(URI.create(oauthBase + "/token")).timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlatformHttp.form(form))).build();
        HttpResponse<String> response;
        try {
            response = http.send(post);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "Google's token endpoint did not answer ("
                    + PlatformHttp.describe(e) + ").");
        }
        JsonNode body = PlatformHttp.json(response.body());
        int status = response.statusCode();
        if (status == 200 && body.hasNonNull("access_token")) {
            Instant expiresAt = Instant.now().plusSeconds(body.path("expires_in").asLong(3599));
            tokens.renewed(channel.id(), body.path("access_token").asText(), expiresAt, body.path("refresh_token").asText(null));
            return true;
        }
        String error = body.path("error").asText("http_" + status);
        if ("invalid_grant".equals(error)) {
            return false;
        }
        String message = "Google's token endpoint: " + body.path("error_description").asText(error) + " (" + error + ")";
        if (status >= 500 || status == 429 || status == 200) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, status, error, message + ".");
        }
        // invalid_client, unauthorized_client and the like: Herald's OAuth client is wrong, not the channel's consent.
        throw new ConnectorFailure(FailureClass.AUTH, status, error, message + "; check herald.youtube.client-id and"
                + " herald.youtube.client-secret.");
    }

    private String metadata(PublishRequest request) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode();
        ObjectNode snippet = body.putObject("snippet");
        snippet.put("title", request.title());
        snippet.put("description", request.caption());
        // The marker makes the lookup exact: tags are not shown on the watch page, and they come back in videos.list.
        snippet.putArray("tags").add(request.marker());
        snippet.put("categoryId", CATEGORY);
        ObjectNode status = body.putObject("status");
        if (request.publishAt() == null) {
            status.put("privacyStatus", "public");
        } else {
            // publishAt is only allowed on a private video, which YouTube makes public at that time (contract 1.3).
            status.put("privacyStatus", "private");
            status.put("publishAt", DateTimeFormatter.ISO_INSTANT.format(request.publishAt().truncatedTo(ChronoUnit.SECONDS)));
        }
        status.put("selfDeclaredMadeForKids", false);
        return body.toString();
    }

    /** {@code PUT <session> Content-Range: bytes *}{@code /<size>}: where the session stands, without sending bytes. */
    private HttpResponse<String> statusQuery(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        HttpRequest put = authorized(URI.create(handle.uploadRef()), request.channel())
                .header("Content-Range", "bytes */" + request.size())
                .PUT(HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(put);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "YouTube did not answer the upload"
                    + " status query (" + PlatformHttp.describe(e) + ").");
        }
    }

    /** After an interrupted chunk: how many bytes the session holds, so the next chunk starts there. */
    private long held(PublishRequest request, PlatformHandle handle, String interruption) throws ConnectorFailure {
        HttpResponse<String> response;
        try {
            response = statusQuery(request, handle);
        } catch (ConnectorFailure failure) {
            if (failure.failureClass() != FailureClass.TRANSIENT) {
                throw failure;
            }
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "The connection to YouTube dropped"
                    + " during a chunk (" + interruption + ") and the status query failed too; sending resumes from"
                    + " what YouTube holds.");
        }
        return switch (response.statusCode()) {
            case 308 -> received(response);
            case 200, 201 -> request.size();
            case 404 -> throw sessionGone();
            default -> throw GoogleErrors.classify(response);
        };
    }

    /** Bytes the session holds, from a 308's {@code Range: bytes=0-N}; none when the header is missing. */
    private static long received(HttpResponse<String> response) {
        return response.headers().firstValue("Range").map(RANGE::matcher).filter(Matcher::matches)
                .map(m -> Long.parseLong(m.group(1)) + 1).orElse(0L);
    }

    private static ConnectorFailure sessionGone() {
        // Nothing was published through an expired session; reconciling checks the channel, then opens a new one.
        return new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, 404, "session_expired", "YouTube no longer knows the"
                + " upload session (it expired); Herald checks the channel before starting a new upload.");
    }

    private JsonNode get(ChannelRef channel, String resource, Map<String, String> parameters) throws ConnectorFailure {
        URI uri = URI.create(settings.apiBase() + "/youtube/v3/" + resource + "?" + PlatformHttp.form(parameters));
        quota.spend(YouTubeQuota.Bucket.GENERAL, resource + ".list");
        HttpResponse<String> response = send(channel, uri, resource + ".list");
        if (response.statusCode() != 200) {
            throw counted(GoogleErrors.classify(response), YouTubeQuota.Bucket.GENERAL);
        }
        return PlatformHttp.json(response.body());
    }

    /** YouTube's own word that the quota is gone beats Herald's count: the bucket is full for every instance. */
    private ConnectorFailure counted(ConnectorFailure failure, YouTubeQuota.Bucket bucket) {
        if ("quotaExceeded".equals(failure.code())) {
            quota.exhausted(bucket);
        }
        return failure;
    }

    private HttpResponse<String> send(ChannelRef channel, URI uri, String what) throws ConnectorFailure {
        try {
            return http.send(authorized(uri, channel).GET().build());
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "YouTube did not answer " + what
                    + " (" + PlatformHttp.describe(e) + ").");
        }
    }

    /** A request carrying the channel's access token (an expired one is an AUTH failure before any call). */
    private HttpRequest.Builder authorized(URI uri, ChannelRef channel) throws ConnectorFailure {
        return HttpRequest.newBuilder(uri).timeout(settings.timeout())
                .header("Authorization", "Bearer " + tokens.accessToken(channel, PLATFORM));
    }

    private static String videoId(HttpResponse<String> response) throws ConnectorFailure {
        String id = PlatformHttp.json(response.body()).path("id").asText("");
        if (id.isEmpty()) {
            throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, response.statusCode(), "no_video_id", "YouTube"
                    + " completed the upload but named no video; Herald checks the channel.");
        }
        return id;
    }

    /** A video resource reduced to what the dispatcher acts on (platform-apis.md 1.4). */
    private static RemoteStatus remoteStatus(JsonNode video, long size) {
        String id = video.path("id").asText(null);
        JsonNode status = video.path("status");
        String processing = video.path("processingDetails").path("processingStatus").asText("");
        return switch (status.path("uploadStatus").asText("")) {
            case "processed" -> published(id, size, status);
            case "failed" -> failed(id, size, "YouTube could not process the video (" + status.path("failureReason")
                    .asText("no reason given") + ").");
            case "rejected" -> failed(id, size, "YouTube rejected the video (" + status.path("rejectionReason")
                    .asText("no reason given") + ").");
            case "deleted" -> failed(id, size, "The video was deleted on YouTube.");
            default -> switch (processing) {
                case "succeeded" -> published(id, size, status);
                case "failed", "terminated" -> failed(id, size, "YouTube's processing of the video " + processing + " ("
                        + video.path("processingDetails").path("processingFailureReason").asText("no reason given") + ").");
                default -> new RemoteStatus(RemoteStatus.State.PROCESSING, size, id, null, null);
            };
        };
    }

    /** Processed: public now, or still private with a {@code publishAt} ahead, which YouTube keeps until then. */
    private static RemoteStatus published(String id, long size, JsonNode status) {
        String publishAt = status.path("publishAt").asText("");
        boolean ahead = !publishAt.isEmpty() && OffsetDateTime.parse(publishAt).toInstant().isAfter(Instant.now());
        return new RemoteStatus(ahead ? RemoteStatus.State.SCHEDULED : RemoteStatus.State.PUBLISHED, size, id,
                "https://www.youtube.com/shorts/" + id, null);
    }

    private static RemoteStatus failed(String id, long size, String message) {
        return new RemoteStatus(RemoteStatus.State.FAILED, size, id, null, message);
    }

    private static Long whole(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asLong();
    }

    private static Double decimal(JsonNode value) {
        return value == null || !value.isNumber() ? null : value.asDouble();
    }

    private static Long count(JsonNode statistics, String field) {
        JsonNode value = statistics.get(field);
        return value == null || value.isNull() ? null : Long.valueOf(value.asText());
    }
}
