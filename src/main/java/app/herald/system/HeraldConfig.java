package app.herald.system;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** Herald's own settings (prefix {@code herald}); each key also reads from its upper-case environment variable. */
@ConfigMapping(prefix = "herald")
public interface HeraldConfig {

    /** Folder for the embedded database ({@code mariadb/}), uploads ({@code media/}) and the generated session key. */
    @WithDefault("./data")
    Path dataDir();

    /** Seeds the demo brand and demo accounts (always on in the dev profile). */
    @WithDefault("false")
    boolean demo();

    /** Password for the {@code admin} account created on first start; generated and logged once when absent. */
    Optional<String> adminPassword();

    /** Key that encrypts session cookies; when absent a key is generated once and kept in the data dir. */
    Optional<String> sessionKey();

    /** Key that seals platform tokens in the database ({@link SecretBox}); when absent one is generated in the data dir. */
    Optional<String> secretKey();

    /**
     * Herald's public address as browsers reach it, e.g. {@code https://herald.example.org}: the base of the OAuth
     * redirect URIs registered with the platforms (and of e-mail links). When absent, the address of the request
     * is used, as the trusted proxy forwards it.
     */
    Optional<String> publicUrl();

    /**
     * How long values read for every request (account details, unread counts, home page figures) are reused while
     * this instance writes nothing; a change made on another instance, such as a deactivation, shows within it.
     */
    @WithDefault("PT5S")
    Duration cacheTtl();

    EmbeddedDb embeddedDb();

    Login login();

    Media media();

    Dispatch dispatch();

    Metrics metrics();

    Sandbox sandbox();

    Analytics analytics();

    Digest digest();

    Mail mail();

    Google google();

    YouTube youtube();

    TikTok tiktok();
    Facebook facebook();

    Slots slots();

    Prediction prediction();

    Experiments experiments();

    /** Posting slots learned from a channel's own engagement history (insight package). */
    interface Slots {
        /** Posts with engagement a channel needs before its slots are learned; below it the documented defaults apply. */
        @WithDefault("20")
        int minPosts();

        /**
         * Prior strength k of the shrinkage, in posts: a weekday × hour cell's score is
         * (n × its mean relative engagement + k × 1) / (n + k), so a cell with few posts stays near the median (1).
         */
        @WithDefault("5")
        double priorStrength();

        /** How often the scheduled job recomputes every channel's cells; a request finding older results recomputes. */
        @WithDefault("1h")
        String refresh();

        /** Age after which cached cells count as stale and a suggestion request recomputes its channel first. */
        @WithDefault("PT6H")
        Duration maxAge();
    }

    /** The 7-day performance model per brand (insight package). */
    interface Prediction {
        /** Quartz-style cron of the retraining job (seconds first); nightly by default. */
        @WithDefault("0 30 3 * * ?")
        String cron();

        /** Posts at least 7 days old a brand needs before a model is trained. */
        @WithDefault("30")
        int minPosts();

        /** Share of the newest posts held out to measure the model against the channel-median baseline. */
        @WithDefault("0.2")
        double holdout();

        /** false stops this instance's scheduled jobs (slots refresh and retraining); tests run them themselves. */
        @WithDefault("true")
        boolean jobs();
    }

    /** A/B experiments (experiment package). */
    interface Experiments {
        /**
         * The age at which each experiment post's primary metric is read (from its day rollup), so posts of different
         * ages are never compared; younger posts wait and are left out of the sample.
         */
        @WithDefault("P7D")
        Duration measureAfter();
    }

    /** Google's OAuth 2.0 server, which issues and renews YouTube tokens. */
    interface Google {
        /** Base of the token endpoint ({@code POST /token}); a gateway or a stub serving the real paths may stand in. */
        @WithDefault("https://oauth2.googleapis.com")
        URI oauthBase();
    }

    /**
     * The YouTube Data API v3 (uploads, status, lookups, counters) and the Analytics API. Each base serves the real
     * paths, so a deployment can point all of them at one gateway or mock server.
     */
    interface YouTube {
        /** Base of the resumable upload endpoint ({@code /upload/youtube/v3/videos}). */
        @WithDefault("https://www.googleapis.com")
        URI uploadBase();

        /** Base of the Data API ({@code /youtube/v3/...}). */
        @WithDefault("https://www.googleapis.com")
        URI apiBase();

        /** Base of the Analytics API ({@code /v2/reports}): per-video watch time, retention and subscribers gained. */
        @WithDefault("https://youtubeanalytics.googleapis.com")
        URI analyticsBase();

        /** The Google OAuth client Herald connects channels with; YouTube channels are published only once it is set. */
        Optional<String> clientId();

        Optional<String> clientSecret();

        /** Bytes per upload request: a multiple of 256 KiB (262144), as the resumable protocol requires. */
        @WithDefault("4194304")
        int chunkSize();

        /**
         * How long one request may take until YouTube answers (a chunk's bytes included); keep it well under
         * {@code herald.dispatch.lease} so a slow chunk never outlives its claim.
         */
        @WithDefault("PT60S")
        Duration timeout();

        /**
         * Data API units the Google project may use per Pacific-time day (the general bucket every method but
         * {@code videos.insert} draws on); Herald stops calling before it would go over.
         */
        @WithDefault("10000")
        long dailyQuota();

        /** {@code videos.insert} calls the project may make per Pacific-time day (their own bucket since June 2026). */
        @WithDefault("100")
        long dailyUploads();
    }

    /**
     * TikTok's Content Posting API v2 and its OAuth token endpoint, both under one base serving the real paths
     * ({@code /v2/...}); the upload URL of each post comes from TikTok's answer.
     */
    interface TikTok {
        @WithDefault("https://open.tiktokapis.com")
        URI apiBase();

        /** Herald's TikTok app (TikTok's name for a client id); TikTok channels are published only once it is set. */
        Optional<String> clientKey();

        Optional<String> clientSecret();

        /** Bytes per upload chunk: 5 MB to 64 MB, as TikTok requires (the last chunk absorbs the remainder). */
        @WithDefault("10485760")
        int chunkSize();

        /**
         * How long one request may take until TikTok answers (a chunk's bytes included); keep it well under
         * {@code herald.dispatch.lease} so a slow chunk never outlives its claim.
         */
        @WithDefault("PT60S")
        Duration timeout();
    }

    /**
     * The Facebook Graph API (Reels publishing, status, insights) and its upload host. Each base serves the real paths
     * under {@link #graphVersion()}, so a deployment can point both at one gateway or mock server.
     */
    interface Facebook {
        /** Base of the Graph API ({@code /v25.0/{page-id}/video_reels}, {@code /v25.0/{video-id}}, ...). */
        @WithDefault("https://graph.facebook.com")
        URI graphBase();

        /** Base of the resumable upload host ({@code /video-upload/v25.0/{video-id}}). */
        @WithDefault("https://rupload.facebook.com")
        URI ruploadBase();

        /** The Graph API version in every path; Meta retires versions about two years after their release. */
        @WithDefault("v25.0")
        String graphVersion();

        /** Herald's Meta app; real Facebook Pages are published only once both are set. */
        Optional<String> appId();

        Optional<String> appSecret();

        /** Bytes per upload request (each continues at the offset Facebook reports). */
        @WithDefault("4194304")
        int chunkSize();

        /** How long one request may take until Facebook answers; keep it well under {@code herald.dispatch.lease}. */
        @WithDefault("PT60S")
        Duration timeout();
    }

    /** Notification e-mails, sent through the Quarkus mailer ({@code quarkus.mailer.*}: host, port, credentials). */
    interface Mail {
        /** Send e-mails at all; off until a mail server is configured (dev and test use a mock mailbox). */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("herald@localhost")
        String from();

        /** Herald's public address for e-mail links, e.g. https://herald.example.org; {@code herald.public-url} when absent. */
        Optional<String> publicUrl();
    }

    /** The job that takes due publications to the platforms. */
    interface Dispatch {
        /** How often each instance looks for due publications. */
        @WithDefault("5s")
        String interval();

        /** A slot passed by more than this before its post could go is MISSED, never published late. */
        @WithDefault("PT30M")
        Duration missedAfter();

        /** How long a claim holds; a dispatcher that stops (crash, kill) is taken over once it runs out. */
        @WithDefault("PT2M")
        Duration lease();

        /** First back-off after a transient failure; it doubles with each retry up to {@link #maxBackoff()}. */
        @WithDefault("PT30S")
        Duration backoff();

        @WithDefault("PT15M")
        Duration maxBackoff();

        /** Transient failures of one publication before it is FAILED. */
        @WithDefault("8")
        int maxRetries();

        /** How often a publication the platform is still processing is asked again. */
        @WithDefault("PT10S")
        Duration pollInterval();

        /** Most publications one claim takes (each on a different channel), never more than idle workers. */
        @WithDefault("20")
        int batchSize();

        /**
         * Worker threads per instance, each publishing one claimed publication at a time: mostly waiting on the
         * network and the database, so more than the cores.
         */
        @WithDefault("8")
        int threads();

        /** false stops this instance's scheduled dispatch (another instance, or tests, run it). */
        @WithDefault("true")
        boolean enabled();
    }

    /** The importer that brings the platforms' counters back for published publications. */
    interface Metrics {
        /** How often each instance looks for publications whose metrics are due. */
        @WithDefault("60s")
        String interval();

        /**
         * When a publication's metrics are fetched, by its age: steps of {@code <every> until <age>}, comma-separated,
         * the ages growing; nothing is fetched after the last age (one last fetch once it is reached).
         */
        @WithDefault("15m until 6h, 1h until 3d, 1d until 30d, 7d until 90d")
        String schedule();

        /** Most publications one claim takes; each channel's share is fetched in as few calls as its platform allows. */
        @WithDefault("500")
        int batchSize();

        /** How long a claim holds; an importer that stops is taken over once it runs out. */
        @WithDefault("PT5M")
        Duration lease();

        /** How long a channel's imports pause after a rate limit whose reset the platform did not say. */
        @WithDefault("PT15M")
        Duration pause();

        /** false stops this instance's scheduled import (another instance, or tests, run it). */
        @WithDefault("true")
        boolean enabled();

        /** In demo mode, seed 90 days of Sandbox metrics history for the demo brand on first start. */
        @WithDefault("true")
        boolean demoHistory();
    }

    /** The Sandbox platform: posts land in local storage under the data dir. */
    interface Sandbox {
        /** How long a Sandbox video stays "processing" after its last byte. */
        @WithDefault("PT3S")
        Duration processingDelay();

        /** Bytes per upload chunk. */
        @WithDefault("1048576")
        int chunkSize();
    }

    /** The analytics dashboards. */
    interface Analytics {
        /**
         * Fewest measured posts a best-time heatmap cell needs before it shows a result ("not enough data" below),
         * and the sequencing-strategy sample below which a strategy's numbers are flagged as a small sample.
         */
        @WithDefault("3")
        int minPosts();

        /**
         * Fewest posts on each side of a dashboard recommendation (the best platform for a niche, strategy, time,
         * caption length or hashtag count, against all other posts) before it is shown at all; also the fewest posts
         * on a platform before its top quartile defines content worth posting elsewhere.
         */
        @WithDefault("10")
        int insightMinPosts();
    }

    /** The weekly analytics digest e-mailed to each manager (see WeeklyDigest). */
    interface Digest {
        /**
         * When the job looks for digests due (Quartz-style cron, seconds first; {@code off} disables it). Hourly by
         * default, because each brand's digest falls due at {@link #hour()} on Monday in that brand's own zone.
         */
        @WithDefault("0 5 * * * ?")
        String cron();

        /** Hour of Monday (0–23, the brand's zone) from which last week's digest is sent. */
        @WithDefault("8")
        int hour();
    }

    /** The MariaDB started when no datasource URL is configured. */
    interface EmbeddedDb {
        /** TCP port on 127.0.0.1; 0 picks a free port at each start. */
        @WithDefault("0")
        int port();

        /**
         * InnoDB buffer pool of the embedded server (MariaDB size syntax: 512M, 2G). Imports and dashboards keep their
         * indexes in it; MariaDB's own default (128M) makes every import read index pages back from disk once the
         * metrics history outgrows it. Memory is taken as pages are used, not at start.
         */
        @WithDefault(EmbeddedMariaDb.DEFAULT_BUFFER_POOL)
        String bufferPoolSize();
    }

    /** Sign-in throttling per user name and per client address. */
    interface Login {
        /** Failed sign-ins for one user name before that name is paused. */
        @WithDefault("5")
        int maxFailures();

        /** Failed sign-ins from one client address (any names) before that address is paused. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** How long a paused user name or address stays paused, counted from its last failure. */
        @WithDefault("PT15M")
        Duration lockout();
    }

    /** Uploaded videos, renditions and the ffmpeg that checks and converts them. */
    interface Media {
        /** Folder for videos, renditions and thumbnails; {@code <data dir>/media} when absent. */
        Optional<Path> dir();

        /** Largest accepted upload; keep {@code quarkus.http.limits.max-body-size} a little above it. */
        @WithDefault("4G")
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxSize();

        /** Folder holding {@code ffmpeg} and {@code ffprobe} to use instead of the ones bundled with Herald. */
        Optional<Path> ffmpegDir();
    }
}
