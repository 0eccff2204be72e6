package app.herald.channel.tiktok;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
import app.herald.system.StartupFailure;
import io.quarkus.runtime.Startup;

/**
 * TikTok through the Content Posting API v2 (contract: platform-apis.md section 2), with the JDK HTTP client: the
 * creator's options before every post, a Direct Post {@code video/init} with {@code FILE_UPLOAD} (and the cover frame,
 * when one was chosen) whose publish_id
 * (with its upload URL) is the upload handle, chunked PUTs by TikTok's chunk rules, {@code status/fetch} until TikTok
 * is done, {@code video/list} for reconciliation, {@code video/query} for counters and the OAuth token endpoint.
 */
@Startup
@ApplicationScoped
public class TikTokConnector implements Connector {

    /** Smallest chunk TikTok takes (5 MB, here read as 5 MiB so that both readings of "MB" hold). */
    static final int MIN_CHUNK = 5 * 1024 * 1024;
    /** Largest chunk TikTok takes (64 MB, here read as 10^6 bytes so that both readings hold). */
    static final int MAX_CHUNK = 64_000_000;
    private static final String PLATFORM = "TikTok";
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    /** Most public first: a post goes out as publicly as the creator allows, and privately when that is all they allow. */
    private static final List<String> PRIVACY = List.of("PUBLIC_TO_EVERYONE", "FOLLOWER_OF_CREATOR",
            "MUTUAL_FOLLOW_FRIENDS", "SELF_ONLY");
    /** TikTok lists at most 20 videos per page; the post being reconciled is among the newest. */
    private static final int LIST_SIZE = 20;
    /** Most ids one {@code video/query} takes (platform-apis.md 2.4). */
    static final int QUERY_SIZE = 20;

    private final HeraldConfig.TikTok settings;
    private final ChannelTokens tokens;
    private final PlatformHttp http;

    @Inject
    public TikTokConnector(HeraldConfig config, ChannelTokens tokens) {
        this.settings = config.tiktok();
        this.tokens = tokens;
        int chunk = settings.chunkSize();
        if (chunk < MIN_CHUNK || chunk > MAX_CHUNK) {
            throw new StartupFailure("herald.tiktok.chunk-size is " + chunk + "; TikTok takes chunks of 5 MB to 64 MB,"
                    + " so Herald accepts " + MIN_CHUNK + " to " + MAX_CHUNK + " bytes, e.g. 10485760.");
        }
        this.http = new PlatformHttp(PLATFORM, settings.timeout());
    }

    /** Real TikTok channels, once Herald has a TikTok app (client key and secret) to renew their access with. */
    @Override
    public boolean serves(ChannelRef channel) {
        return !channel.sandbox() && channel.platform() == Platform.TIKTOK && settings.clientKey().isPresent()
                && settings.clientSecret().isPresent();
    }

    @Override
    public int chunkSize() {
        return settings.chunkSize();
    }

    /**
     * Asks for the creator's options (mandatory before a Direct Post), then opens the post with them: the most public
     * privacy level offered and the interactions the creator allows. The handle is the publish_id with its upload URL,
     * stored before any byte is sent.
     */
    @Override
    public PlatformHandle start(PublishRequest request) throws ConnectorFailure {
        ChannelRef channel = request.channel();
        JsonNode creator = call("creator_info/query", api(channel, "/v2/post/publish/creator_info/query/")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        refuseTooLong(request, creator);
        ObjectNode body = PlatformHttp.JSON.createObjectNode();
        ObjectNode post = body.putObject("post_info");
        post.put("title", caption(request));
        String privacy = privacy(creator);
        post.put("privacy_level", privacy);
        post.put("disable_duet", creator.path("duet_disabled").asBoolean(false));
        post.put("disable_comment", creator.path("comment_disabled").asBoolean(false));
        post.put("disable_stitch", creator.path("stitch_disabled").asBoolean(false));
        if (request.cover() != null) {
            post.put("video_cover_timestamp_ms", request.cover().millis());
        }
        post.put("brand_content_toggle", false);
        post.put("brand_organic_toggle", false);
        post.put("is_aigc", false);
        Chunks chunks = chunks(request.size());
        ObjectNode source = body.putObject("source_info");
        source.put("source", "FILE_UPLOAD");
        source.put("video_size", request.size());
        source.put("chunk_size", chunks.size());
        source.put("total_chunk_count", chunks.count());
        // An init without an answer is safe to repeat: nothing is published before its bytes arrive (contract 2.6).
        JsonNode data = call("video/init", api(channel, "/v2/post/publish/video/init/")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
        String publishId = data.path("publish_id").asText("");
        String uploadUrl = data.path("upload_url").asText("");
        if (publishId.isEmpty() || uploadUrl.isEmpty()) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, 200, "no_upload_url", "TikTok opened no upload (no"
                    + " publish_id or upload_url in its answer).");
        }
        return new PlatformHandle(publishId + " " + uploadUrl, 0, null, "SELF_ONLY".equals(privacy)
                ? "Posted privately (SELF_ONLY): this TikTok account lets Herald post only privately (as every account"
                        + " does while Herald's TikTok app is not audited); only the account sees the post." : null);
    }

    /**
     * TikTok would take the whole upload and only then fail it ({@code duration_check_failed}): a video longer than
     * this creator may post is refused before init, naming both durations.
     */
    private static void refuseTooLong(PublishRequest request, JsonNode creator) throws ConnectorFailure {
        long max = creator.path("max_video_post_duration_sec").asLong(0);
        if (max > 0 && request.durationSeconds() > max) {
            throw new ConnectorFailure(FailureClass.INVALID, 200, "duration_over_creator_max", "The video lasts "
                    + seconds(request.durationSeconds()) + " s but this TikTok account may post videos of at most " + max
                    + " s (creator_info max_video_post_duration_sec). Trim the video or publish it on another channel.");
        }
    }

    private static String seconds(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    /**
     * PUTs the chunk starting at the handle's offset to the upload URL. TikTok's last chunk absorbs the remainder of
     * the file, so when the dispatcher hands over the start of the last chunk, the rest is read from the file here.
     */
    @Override
    public PlatformHandle send(PublishRequest request, PlatformHandle handle, byte[] chunk) throws ConnectorFailure {
        Chunks chunks = chunks(request.size());
        long first = handle.offset();
        long end = chunks.end(first, request.size());
        HttpRequest.BodyPublisher bytes = chunk.length >= end - first ? HttpRequest.BodyPublishers.ofByteArray(chunk)
                : HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(chunk),
                        HttpRequest.BodyPublishers.ofByteArray(read(request, first + chunk.length, end)));
        HttpRequest put = HttpRequest.newBuilder(URI.create(uploadUrl(handle))).timeout(settings.timeout())
                .header("Content-Type", request.mimeType())
                .header("Content-Range", "bytes " + first + "-" + (end - 1) + "/" + request.size())
                .PUT(bytes).build();
        HttpResponse<String> response;
        try {
            response = http.send(put);
        } catch (IOException e) {
            if (end >= request.size()) {
                throw new ConnectorFailure(FailureClass.UNKNOWN_OUTCOME, null, "no_answer", "No answer from TikTok"
                        + " after the final bytes (" + PlatformHttp.describe(e) + "); the upload may have completed.");
            }
            // TikTok takes whole chunks only: what status/fetch counts says which chunk to send (again).
            return handle.atOffset(held(request, handle, PlatformHttp.describe(e)));
        }
        return switch (response.statusCode()) {
            case 200, 201, 206 -> handle.atOffset(end);
            case 416 -> handle.atOffset(held(request, handle, "TikTok refused the byte range"));
            case 403 -> throw new ConnectorFailure(FailureClass.INVALID, 403, "upload_url_expired", "TikTok refused the"
                    + " upload: its upload URL lasts one hour and the upload did not finish within it. Schedule the post"
                    + " again.");
            default -> throw TikTokErrors.classify(response);
        };
    }

    /**
     * TikTok publishes by itself once it holds the last byte (there is no publish call): until it names a public
     * post, the publish_id stands for the video, and the status queries that follow ask about it.
     */
    @Override
    public PlatformHandle finish(PublishRequest request, PlatformHandle handle) {
        return handle.withVideo(publishId(handle));
    }

    /** TikTok took the cover frame with the post ({@code video_cover_timestamp_ms} in {@code video/init}): nothing to send. */
    @Override
    public String setCover(PublishRequest request, PlatformHandle handle) {
        return "Sent to TikTok with the post (video_cover_timestamp_ms " + request.cover().millis() + ").";
    }

        /** {@code status/fetch} for the handle's publish_id, reduced to what the dispatcher acts on. */
    @Override
    public RemoteStatus status(PublishRequest request, PlatformHandle handle) throws ConnectorFailure {
        if (handle.uploadRef() == null) {
            return new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "No upload on TikTok.");
        }
        String publishId = publishId(handle);
        JsonNode data;
        try {
            data = fetch(request.channel(), publishId);
        } catch (ConnectorFailure failure) {
            if ("invalid_publish_id".equals(failure.code())) {
                return new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "TikTok does not know publish_id "
                        + publishId + ".");
            }
            throw failure;
        }
        long size = request.size();
        String video = handle.videoId() != null ? handle.videoId() : publishId;
        return switch (data.path("status").asText("")) {
            case "PUBLISH_COMPLETE", "SEND_TO_USER_INBOX" -> published(request.channel(), data, publishId, size);
            case "FAILED" -> {
                String reason = data.path("fail_reason").asText("");
                // TikTok's own outage: the post is not there, so the dispatcher sends it again (once) with a new init.
                yield "internal".equals(reason)
                        ? new RemoteStatus(RemoteStatus.State.NOT_FOUND, 0, null, null, "TikTok had an internal problem"
                                + " with the upload (internal).")
                        : new RemoteStatus(RemoteStatus.State.FAILED, size, video, null, TikTokErrors.failReason(reason));
            }
            default -> {
                long uploaded = data.path("uploaded_bytes").asLong(0);
                // Only while Herald is still sending (no video yet) can missing bytes be sent again.
                yield handle.videoId() == null && uploaded < size
                        ? new RemoteStatus(RemoteStatus.State.UPLOADING, chunks(size).startOf(uploaded), null, null, null)
                        : new RemoteStatus(RemoteStatus.State.PROCESSING, size, video, null, null);
            }
        };
    }

    /**
     * The playbook without a handle (section 4): the account's newest videos from {@code video/list}, and the one with
     * this post's caption created after the publication was (the marker's time). Private posts may not be listed; the
     * dispatcher then asks {@code status/fetch} with the stored publish_id.
     */
    @Override
    public Optional<RemoteStatus> lookup(PublishRequest request) throws ConnectorFailure {
        Optional<Instant> since = markerTime(request.marker());
        if (since.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode body = PlatformHttp.JSON.createObjectNode().put("max_count", LIST_SIZE);
        JsonNode videos = call("video/list", api(request.channel(), "/v2/video/list/?fields="
                + PlatformHttp.encode("id,title,video_description,create_time,share_url"))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build()).path("videos");
        String caption = caption(request).strip();
        for (JsonNode video : videos) {
            boolean sameText = caption.equals(video.path("title").asText("").strip())
                    || caption.equals(video.path("video_description").asText("").strip());
            if (sameText && !Instant.ofEpochSecond(video.path("create_time").asLong(0)).isBefore(since.get().minusSeconds(1))) {
                return Optional.of(new RemoteStatus(RemoteStatus.State.PUBLISHED, request.size(), video.path("id").asText(),
                        video.path("share_url").asText(null), null));
            }
        }
        return Optional.empty();
    }

    /**
     * Lifetime counters from {@code video/query}, 20 ids a call; TikTok gives views, likes, comments and shares,
     * nothing else, and silently leaves out ids it does not show this account (another's, or a private post).
     */
    @Override
    public MetricsBatch metrics(ChannelRef channel, List<String> videoIds) throws ConnectorFailure {
        Map<String, VideoMetrics> found = new LinkedHashMap<>();
        for (List<String> ids : MetricsBatch.slices(videoIds, QUERY_SIZE)) {
            ObjectNode body = PlatformHttp.JSON.createObjectNode();
            ids.forEach(body.putObject("filters").putArray("video_ids")::add);
            Instant now = Instant.now();
            JsonNode videos = call("video/query", api(channel, "/v2/video/query/?fields="
                    + PlatformHttp.encode("id,view_count,like_count,comment_count,share_count"))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build()).path("videos");
            for (JsonNode video : videos) {
                found.put(video.path("id").asText(), new VideoMetrics(now, count(video, "view_count"),
                        count(video, "like_count"), count(video, "comment_count"), count(video, "share_count"), null, null,
                        null, null, null, null));
            }
        }
        return new MetricsBatch(found, List.of());
    }

    /**
     * Renews the access token with the stored refresh token. TikTok rotates refresh tokens, so a new one replaces the
     * old; an answer without one keeps it. {@code invalid_grant} (revoked, expired) means reconnecting, whatever the
     * HTTP status it comes with: TikTok's docs do not say, and it has been seen with 200.
     */
    @Override
    public boolean refresh(ChannelRef channel) throws ConnectorFailure {
        ChannelTokens.Tokens stored = tokens.require(channel, PLATFORM);
        if (stored.refreshToken() == null) {
            return false;
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_key", settings.clientKey().orElse(""));
        form.put("client_secret", settings.clientSecret().orElse(""));
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", stored.refreshToken());
        // The bare media type: TikTok has refused the same with "; charset=UTF-8" as invalid_request (contract 2.1).
        HttpRequest post = HttpRequest.newBuilder(URI.create(settings.apiBase() + "/v2/oauth/token/"))
                .timeout(settings.timeout()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlatformHttp.form(form))).build();
        HttpResponse<String> response;
        try {
            response = http.send(post);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "TikTok's token endpoint did not answer ("
                    + PlatformHttp.describe(e) + ").");
        }
        JsonNode body = PlatformHttp.json(response.body());
        int status = response.statusCode();
        if (status == 200 && body.hasNonNull("access_token")) {
            Instant expiresAt = Instant.now().plusSeconds(body.path("expires_in").asLong(7200));
            tokens.renewed(channel.id(), body.path("access_token").asText(), expiresAt, body.path("refresh_token").asText(null));
            return true;
        }
        String error = body.path("error").isTextual() ? body.path("error").asText() : "http_" + status;
        if ("invalid_grant".equals(error)) {
            return false;
        }
        String message = "TikTok's token endpoint: " + body.path("error_description").asText(error) + " (" + error + ")";
        if (status >= 500 || status == 429 || !body.path("error").isTextual()) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, status, error, message + ".");
        }
        // invalid_client, unauthorized_client and the like: Herald's TikTok app is wrong, not the creator's consent.
        throw new ConnectorFailure(FailureClass.AUTH, status, error, message + "; check herald.tiktok.client-key and"
                + " herald.tiktok.client-secret.");
    }

    /** The most public privacy level the creator offers; none offered means TikTok lets this account post nothing. */
    private static String privacy(JsonNode creator) throws ConnectorFailure {
        List<String> offered = new ArrayList<>();
        creator.path("privacy_level_options").forEach(option -> offered.add(option.asText()));
        return PRIVACY.stream().filter(offered::contains).findFirst().orElseThrow(() -> new ConnectorFailure(
                FailureClass.INVALID, 200, "no_privacy_level", "TikTok offers this account no privacy level to post"
                        + " with (offered: " + offered + ")."));
    }

    /** After an interrupted chunk: the start of the first chunk TikTok does not hold whole, so sending resumes there. */
    private long held(PublishRequest request, PlatformHandle handle, String interruption) throws ConnectorFailure {
        JsonNode data;
        try {
            data = fetch(request.channel(), publishId(handle));
        } catch (ConnectorFailure failure) {
            if (failure.failureClass() != FailureClass.TRANSIENT) {
                throw failure;
            }
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "The connection to TikTok dropped"
                    + " during a chunk (" + interruption + ") and the status query failed too; the chunk is sent again.");
        }
        long uploaded = Math.min(data.path("uploaded_bytes").asLong(handle.offset()), request.size());
        // Never behind the stored offset: TikTok counted those chunks when it answered them.
        return Math.max(handle.offset(), chunks(request.size()).startOf(uploaded));
    }

    private JsonNode fetch(ChannelRef channel, String publishId) throws ConnectorFailure {
        ObjectNode body = PlatformHttp.JSON.createObjectNode().put("publish_id", publishId);
        return call("status/fetch", api(channel, "/v2/post/publish/status/fetch/")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
    }

    private RemoteStatus published(ChannelRef channel, JsonNode data, String publishId, long size) {
        JsonNode posts = data.path("publicaly_available_post_id");
        if (posts.isEmpty()) {
            // Private posts never get a post id, public ones only after moderation: the publish_id names the post.
            return new RemoteStatus(RemoteStatus.State.PUBLISHED, size, publishId, null, null);
        }
        String postId = posts.path(0).asText();
        return new RemoteStatus(RemoteStatus.State.PUBLISHED, size, postId, shareUrl(channel, postId), null);
    }

    /** The post's link from {@code video/query}; null when TikTok does not give it, as the post is published anyway. */
    private String shareUrl(ChannelRef channel, String postId) {
        ObjectNode body = PlatformHttp.JSON.createObjectNode();
        body.putObject("filters").putArray("video_ids").add(postId);
        try {
            JsonNode videos = call("video/query", api(channel, "/v2/video/query/?fields=" + PlatformHttp.encode("id,share_url"))
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build()).path("videos");
            return videos.path(0).path("share_url").asText(null);
        } catch (ConnectorFailure failure) {
            return null;
        }
    }

    /** One API call; its {@code data} when {@code error.code} is {@code ok}, a classified failure otherwise. */
    private JsonNode call(String endpoint, HttpRequest request) throws ConnectorFailure {
        HttpResponse<String> response;
        try {
            response = http.send(request);
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.TRANSIENT, null, "no_answer", "TikTok did not answer " + endpoint + " ("
                    + PlatformHttp.describe(e) + ").");
        }
        JsonNode body = PlatformHttp.json(response.body());
        if (response.statusCode() != 200 || !"ok".equals(TikTokErrors.code(body, response.statusCode()))) {
            throw TikTokErrors.classify(response);
        }
        return body.path("data");
    }

    /** A JSON request to the API carrying the channel's access token (an expired one is an AUTH failure first). */
    private HttpRequest.Builder api(ChannelRef channel, String pathAndQuery) throws ConnectorFailure {
        return HttpRequest.newBuilder(URI.create(settings.apiBase() + pathAndQuery)).timeout(settings.timeout())
                .header("Authorization", "Bearer " + tokens.accessToken(channel, PLATFORM))
                .header("Content-Type", JSON_TYPE);
    }

    private Chunks chunks(long size) {
        return Chunks.of(size, settings.chunkSize());
    }

    /** Bytes {@code from} to {@code to} (exclusive) of the video file: the remainder TikTok's last chunk absorbs. */
    private static byte[] read(PublishRequest request, long from, long to) throws ConnectorFailure {
        byte[] rest = new byte[Math.toIntExact(to - from)];
        try (RandomAccessFile in = new RandomAccessFile(request.file().toFile(), "r")) {
            in.seek(from);
            in.readFully(rest);
            return rest;
        } catch (IOException e) {
            throw new ConnectorFailure(FailureClass.INVALID, null, "file", "The video file " + request.file().getFileName()
                    + " could not be read at byte " + from + ": " + e.getMessage());
        }
    }

    /** What TikTok shows under the video (its {@code title}): the TikTok caption, or the title when there is none. */
    private static String caption(PublishRequest request) {
        return request.caption().isBlank() ? request.title() : request.caption();
    }

    private static String publishId(PlatformHandle handle) {
        String ref = handle.uploadRef();
        int space = ref.indexOf(' ');
        return space < 0 ? ref : ref.substring(0, space);
    }

    private static String uploadUrl(PlatformHandle handle) {
        return handle.uploadRef().substring(handle.uploadRef().indexOf(' ') + 1);
    }

    /** When the publication was created, from its marker ({@code herald-<id>-<epoch millis>}); empty if unreadable. */
    private static Optional<Instant> markerTime(String marker) {
        try {
            return Optional.of(Instant.ofEpochMilli(Long.parseLong(marker.substring(marker.lastIndexOf('-') + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Long count(JsonNode video, String field) {
        JsonNode value = video.get(field);
        return value == null || value.isNull() ? null : value.asLong();
    }

    /**
     * TikTok's chunking of a file (media transfer guide): {@code floor(size / chunk)} chunks of {@code size} bytes,
     * the last absorbing the remainder; a file smaller than one chunk goes whole.
     */
    record Chunks(long size, long count) {

        static Chunks of(long videoSize, int chunk) {
            return videoSize < chunk ? new Chunks(videoSize, 1) : new Chunks(chunk, videoSize / chunk);
        }

        /** Where the chunk starting at {@code first} ends (exclusive). */
        long end(long first, long videoSize) {
            return first / size >= count - 1 ? videoSize : first + size;
        }

        /** The start of the chunk holding byte {@code offset}. */
        long startOf(long offset) {
            return Math.min(offset / size, count - 1) * size;
        }
    }
}
