package app.herald.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import app.herald.account.DemoUsers;
import app.herald.account.Role;
import app.herald.audit.AuditAction;
import app.herald.audit.AuditEntry;
import app.herald.calendar.CalendarFixture;
import app.herald.channel.facebook.FacebookStub;
import app.herald.channel.tiktok.TikTokStub;
import app.herald.channel.youtube.YouTubeStub;
import app.herald.content.ContentFixture;
import app.herald.dispatch.DispatchFixture;
import app.herald.platform.Platform;
import app.herald.web.WebSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Connecting and disconnecting real accounts against WireMock stand-ins of Google, TikTok and Meta built from
 * platform-apis.md (1.1, 2.1, 3.1): the consent redirect, the callback's state checks, the code exchange (bodies and
 * queries matched, so a request that strays from the protocol finds no stub), the sealed tokens in MariaDB, the
 * Facebook Page choice and the disconnection.
 */
@QuarkusTest
@TestProfile(ChannelConnectionTest.PublicUrl.class)
@WithTestResource(YouTubeStub.class)
@WithTestResource(TikTokStub.class)
@WithTestResource(FacebookStub.class)
class ChannelConnectionTest {

    /** Herald behind its public address, the base of every registered redirect URI. */
    public static class PublicUrl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("herald.public-url", BASE + "/");
        }
    }

    static final String BASE = "https://herald.example.org";
    private static final String JSON = "application/json; charset=UTF-8";

    @YouTubeStub.Server
    WireMockServer google;

    @TikTokStub.Server
    WireMockServer tiktok;

    @FacebookStub.Server
    WireMockServer meta;

    @Inject
    ChannelTokens tokens;

    // ---- YouTube: consent, callback, tokens at rest, a second connect ----

    @Test
    void connectSendsTheAdminToGoogleWithAOneTimeStatePkceAndTheRegisteredRedirectUri() {
        WebSession admin = DemoUsers.admin();
        long brand = ContentFixture.demoBrandId();
        assertThat(admin.page("/channels").select("a[href=/channels/connect/youtube?brand=" + brand + "]").text())
                .isEqualTo("Connect YouTube Shorts");

        Response connect = admin.get("/channels/connect/youtube?brand=" + brand);

        assertThat(connect.statusCode()).isEqualTo(303);
        URI consent = URI.create(connect.header("Location"));
        assertThat(consent.getScheme() + "://" + consent.getHost() + consent.getPath())
                .isEqualTo("https://accounts.google.com/o/oauth2/v2/auth");
        Map<String, String> query = query(consent);
        assertThat(query).containsEntry("client_id", YouTubeStub.CLIENT_ID)
                .containsEntry("redirect_uri", BASE + "/channels/oauth/youtube/callback")
                .containsEntry("response_type", "code").containsEntry("access_type", "offline")
                .containsEntry("prompt", "consent").containsEntry("code_challenge_method", "S256");
        assertThat(query.get("scope").split(" ")).contains("https://www.googleapis.com/auth/youtube.upload",
                "https://www.googleapis.com/auth/youtube.readonly");
        assertThat(query.get("state")).hasSizeGreaterThanOrEqualTo(40);
        assertThat(query.get("code_challenge")).hasSize(43);

        String row = rawRow("select * from channel_connection where state_hash = '" + sha256Hex(query.get("state")) + "'");
        assertThat(row).as("the stored attempt").contains("STARTED", BASE + "/channels/oauth/youtube/callback")
                .doesNotContain(query.get("state"));
        assertThat(admin.get("/channels/connect/youtube?brand=" + brand).header("Location"))
                .as("each connect has its own state").doesNotContain("state=" + query.get("state"));
    }

    @Test
    void theCallbackStoresSealedTokensAndCreatesTheChannelNamedAfterTheYouTubeChannel() throws Exception {
        WebSession admin = DemoUsers.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String channelId = "UC" + suffix;
        String title = "Trail Studio " + suffix;
        String access = "ya29.first-" + suffix;
        String refresh = "1//refresh-" + suffix;
        URI consent = URI.create(admin.get("/channels/connect/youtube?brand=" + ContentFixture.demoBrandId()).header("Location"));
        String code = "4/code-" + suffix;
        googleGrants(code, access, refresh, "https://www.googleapis.com/auth/youtube.upload https://www.googleapis.com/auth/youtube.readonly");
        googleChannel(access, channelId, title);

        Response callback = admin.get("/channels/oauth/youtube/callback?state=" + query(consent).get("state") + "&code=" + code
                + "&scope=x");

        assertThat(callback.statusCode()).isEqualTo(303);
        Channel channel = channelOf(channelId);
        assertThat(callback.header("Location")).endsWith("/channels/" + channel.id);
        assertThat(channel.displayName).isEqualTo(title);
        assertThat(channel.platform).isEqualTo(Platform.YOUTUBE_SHORTS);
        assertThat(channel.sandbox).isFalse();
        assertThat(channel.status).isEqualTo(ChannelStatus.ACTIVE);
        ChannelTokens.Tokens stored = tokens.find(channel.id).orElseThrow();
        assertThat(stored.accessToken()).isEqualTo(access);
        assertThat(stored.refreshToken()).isEqualTo(refresh);
        assertThat(stored.accountId()).isEqualTo(channelId);

        String raw = rawRow("select access_token_sealed, refresh_token_sealed from channel where id = " + channel.id);
        assertThat(raw).as("token columns as MariaDB holds them").doesNotContain(access).doesNotContain(refresh)
                .doesNotContain("first-" + suffix).doesNotContain("refresh-" + suffix).contains("v1.");

        LoggedRequest exchange = google.findAll(postRequestedFor(urlPathEqualTo("/token"))
                .withRequestBody(containing("code=" + encode(code)))).get(0);
        String verifier = form(exchange.getBodyAsString()).get("code_verifier");
        assertThat(Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(verifier.getBytes(StandardCharsets.US_ASCII)))).as("S256 of the verifier sent on exchange")
                .isEqualTo(query(consent).get("code_challenge"));

        Document page = admin.page("/channels/" + channel.id);
        assertThat(page.select(".flash").text()).contains("YouTube channel '" + title + "' connected.");
        assertThat(page.select("dd").eachText()).contains("Connected (" + channelId + ")");
        assertThat(page.select("p.warn").text()).contains("7 days", "Testing");
        assertThat(auditActions(channel.id)).contains(AuditAction.CHANNEL_CREATED, AuditAction.CHANNEL_CONNECTED);
    }

    @Test
    void aSecondConnectOfTheSameAccountUpdatesItsChannelAndMakesItActiveAgain() {
        WebSession admin = DemoUsers.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String channelId = "UC" + suffix;
        connectYouTube(admin, channelId, "Before " + suffix, "ya29.one-" + suffix, "1//one-" + suffix);
        Channel first = channelOf(channelId);
        QuarkusTransaction.requiringNew().run(() -> {
            Channel channel = Channel.findById(first.id);
            channel.status = ChannelStatus.RECONNECT_NEEDED;
            channel.pauseReason = "Herald's access was refused: an admin must reconnect the channel.";
        });

        connectYouTube(admin, channelId, "After " + suffix, "ya29.two-" + suffix, "1//two-" + suffix);

        long count = QuarkusTransaction.requiringNew().call(() -> Channel.count("id in ?1", tokens.channelsOf(channelId)));
        assertThat(count).as("channels of the account").isEqualTo(1);
        Channel again = channelOf(channelId);
        assertThat(again.id).isEqualTo(first.id);
        assertThat(again.displayName).isEqualTo("After " + suffix);
        assertThat(again.status).isEqualTo(ChannelStatus.ACTIVE);
        assertThat(again.pauseReason).isNull();
        assertThat(tokens.find(first.id).orElseThrow().accessToken()).isEqualTo("ya29.two-" + suffix);
    }

    // ---- refusals: nothing stored ----

    @Test
    void anUnknownAMismatchedOrAnotherAdminsStateIsRefusedAndNothingIsStored() {
        WebSession admin = DemoUsers.admin();
        long channels = channelCount();
        String code = "4/never-" + UUID.randomUUID();

        assertRefused(admin, admin.get("/channels/oauth/youtube/callback?state=made-up-state&code=" + code),
                "Herald did not start this YouTube Shorts connection");
        String tiktokState = query(URI.create(admin.get("/channels/connect/tiktok?brand=" + ContentFixture.demoBrandId())
                .header("Location"))).get("state");
        assertRefused(admin, admin.get("/channels/oauth/youtube/callback?state=" + tiktokState + "&code=" + code),
                "unknown or mismatched state");
        assertRefused(admin, admin.get("/channels/oauth/youtube/callback?code=" + code), "unknown or mismatched state");

        String adminState = startYouTube(admin);
        WebSession otherAdmin = CalendarFixture.member(ContentFixture.demoBrandId(), Role.ADMIN).session();
        assertRefused(otherAdmin, otherAdmin.get("/channels/oauth/youtube/callback?state=" + adminState + "&code=" + code),
                "started by another user");

        assertThat(channelCount()).isEqualTo(channels);
        assertThat(google.findAll(postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing(encode(code)))))
                .as("token requests for the refused callbacks").isEmpty();
        assertThat(rawRow("select status from channel_connection where state_hash = '" + sha256Hex(adminState) + "'"))
                .as("the admin's own attempt is still open").contains("STARTED");
    }

    @Test
    void anExpiredOrReusedStateIsRefusedAndChangesNothing() {
        WebSession admin = DemoUsers.admin();
        String expired = startYouTube(admin);
        QuarkusTransaction.requiringNew().run(() -> ChannelConnection.update(
                "expiresAt = ?1 where stateHash = ?2", java.time.Instant.now().minusSeconds(1), sha256Hex(expired)));
        assertRefused(admin, admin.get("/channels/oauth/youtube/callback?state=" + expired + "&code=4/late"),
                "This connection expired");

        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String state = startYouTube(admin);
        googleGrants("4/once-" + suffix, "ya29.once-" + suffix, "1//once-" + suffix, "https://www.googleapis.com/auth/youtube.upload");
        googleChannel("ya29.once-" + suffix, "UC" + suffix, "Once " + suffix);
        String callback = "/channels/oauth/youtube/callback?state=" + state + "&code=4/once-" + suffix;
        assertThat(admin.get(callback).statusCode()).isEqualTo(303);
        long channel = channelOf("UC" + suffix).id;
        googleGrants("4/twice-" + suffix, "ya29.replayed-" + suffix, "1//replayed-" + suffix,
                "https://www.googleapis.com/auth/youtube.upload");

        assertRefused(admin, admin.get("/channels/oauth/youtube/callback?state=" + state + "&code=4/twice-" + suffix),
                "already used");
        assertThat(tokens.find(channel).orElseThrow().accessToken()).isEqualTo("ya29.once-" + suffix);
        assertThat(google.findAll(postRequestedFor(urlPathEqualTo("/token")).withRequestBody(containing("twice-" + suffix))))
                .isEmpty();
    }

    @Test
    void aDeclinedConsentSaysSoAndStoresNothing() {
        WebSession admin = DemoUsers.admin();
        long channels = channelCount();
        String state = startYouTube(admin);

        assertRefused(admin, admin.get("/channels/oauth/youtube/callback?state=" + state + "&error=access_denied"),
                "The consent was declined on YouTube Shorts, so nothing was connected.");

        assertThat(channelCount()).isEqualTo(channels);
        assertThat(rawRow("select status from channel_connection where state_hash = '" + sha256Hex(state) + "'"))
                .contains("FAILED");
    }

    @Test
    void aReusedCodeIsRefusedByGoogleAndNothingIsStored() {
        WebSession admin = DemoUsers.admin();
        long channels = channelCount();
        String state = startYouTube(admin);
        String code = "4/used-" + UUID.randomUUID();
        google.stubFor(googleToken(code).willReturn(aResponse().withStatus(400).withHeader("Content-Type", JSON)
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Bad Request\"}")));

        assertRefused(admin, admin.get("/channels/oauth/youtube/callback?state=" + state + "&code=" + code),
                "Google refused the authorization code (invalid_grant: Bad Request): it was already used or has expired."
                        + " Nothing was stored; connect again.");
        assertThat(channelCount()).isEqualTo(channels);
    }

    // ---- TikTok ----

    @Test
    void aTikTokConsentBecomesAChannelNamedAfterTheCreatorWithoutPkce() {
        WebSession admin = DemoUsers.admin();
        URI consent = URI.create(admin.get("/channels/connect/tiktok?brand=" + ContentFixture.demoBrandId()).header("Location"));
        Map<String, String> query = query(consent);
        assertThat(consent.getHost() + consent.getPath()).isEqualTo("www.tiktok.com/v2/auth/authorize/");
        assertThat(query).containsEntry("client_key", TikTokStub.CLIENT_KEY)
                .containsEntry("scope", "user.info.basic,video.publish,video.list")
                .containsEntry("redirect_uri", BASE + "/channels/oauth/tiktok/callback").doesNotContainKey("code_challenge");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String openId = "open-" + suffix;
        tiktok.stubFor(tiktokToken("code-" + suffix).willReturn(aResponse().withHeader("Content-Type", JSON).withBody(
                "{\"access_token\":\"act." + suffix + "\",\"expires_in\":7200,\"open_id\":\"" + openId + "\","
                        + "\"refresh_expires_in\":15552000,\"refresh_token\":\"rft." + suffix + "\","
                        + "\"scope\":\"user.info.basic,video.publish,video.list\",\"token_type\":\"Bearer\"}")));
        tiktok.stubFor(get(urlPathEqualTo("/v2/user/info/")).withQueryParam("fields", containing("display_name"))
                .withHeader("Authorization", equalTo("Bearer act." + suffix)).willReturn(aResponse().withHeader("Content-Type", JSON)
                        .withBody("{\"data\":{\"user\":{\"open_id\":\"" + openId + "\",\"display_name\":\"Trail Runner " + suffix
                                + "\"}},\"error\":{\"code\":\"ok\",\"message\":\"\",\"log_id\":\"L1\"}}")));

        Response callback = admin.get("/channels/oauth/tiktok/callback?state=" + query.get("state") + "&code=code-" + suffix);

        assertThat(callback.statusCode()).isEqualTo(303);
        Channel channel = channelOf(openId);
        assertThat(channel.displayName).isEqualTo("Trail Runner " + suffix);
        assertThat(channel.platform).isEqualTo(Platform.TIKTOK);
        assertThat(tokens.find(channel.id).orElseThrow()).extracting(ChannelTokens.Tokens::accessToken,
                ChannelTokens.Tokens::refreshToken).containsExactly("act." + suffix, "rft." + suffix);
        assertThat(admin.page("/channels/" + channel.id).select("p.warn").text()).as("Google's warning").doesNotContain("7 days");
    }

    @Test
    void aTikTokRefusalSentWithHttp200IsStillARefusal() {
        WebSession admin = DemoUsers.admin();
        long channels = channelCount();
        String state = query(URI.create(admin.get("/channels/connect/tiktok?brand=" + ContentFixture.demoBrandId())
                .header("Location"))).get("state");
        String code = "reused-" + UUID.randomUUID();
        tiktok.stubFor(tiktokToken(code).willReturn(aResponse().withHeader("Content-Type", JSON).withBody(
                "{\"error\":\"invalid_grant\",\"error_description\":\"Authorization code is expired.\",\"log_id\":\"L2\"}")));

        assertRefused(admin, admin.get("/channels/oauth/tiktok/callback?state=" + state + "&code=" + code),
                "TikTok refused the authorization code (invalid_grant: Authorization code is expired.)");
        assertThat(channelCount()).isEqualTo(channels);
    }

    // ---- Facebook: the Page choice ----

    @Test
    void theAdminPicksAFacebookPageWhichBecomesAChannelWithThatPagesToken() {
        WebSession admin = DemoUsers.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        URI consent = URI.create(admin.get("/channels/connect/facebook?brand=" + ContentFixture.demoBrandId()).header("Location"));
        assertThat(consent.getHost() + consent.getPath()).isEqualTo("www.facebook.com/v25.0/dialog/oauth");
        assertThat(query(consent)).containsEntry("scope", "pages_show_list,pages_read_engagement,pages_manage_posts,read_insights")
                .containsEntry("redirect_uri", BASE + "/channels/oauth/facebook/callback");
        meta.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("code", equalTo("fb-" + suffix))
                .withQueryParam("client_id", equalTo("1234567890")).withQueryParam("client_secret", equalTo("herald-test-app-secret"))
                .withQueryParam("redirect_uri", equalTo(BASE + "/channels/oauth/facebook/callback"))
                .willReturn(json("{\"access_token\":\"short-" + suffix + "\",\"token_type\":\"bearer\",\"expires_in\":5000}")));
        meta.stubFor(get(urlPathEqualTo("/v25.0/oauth/access_token")).withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo("short-" + suffix))
                .willReturn(json("{\"access_token\":\"long-" + suffix + "\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));
        meta.stubFor(get(urlPathEqualTo("/v25.0/me/accounts")).withQueryParam("access_token", equalTo("long-" + suffix))
                .withQueryParam("fields", equalTo("id,name,access_token,tasks"))
                .willReturn(json("{\"data\":[" + page("p1-" + suffix, "Trail Cafe " + suffix, "pagetoken-one-" + suffix, true)
                        + "," + page("p2-" + suffix, "Trail Shop " + suffix, "pagetoken-two-" + suffix, true)
                        + "," + page("p3-" + suffix, "Trail Fans " + suffix, "pagetoken-three-" + suffix, false)
                        + "],\"paging\":{}}")));

        Response callback = admin.get("/channels/oauth/facebook/callback?state=" + query(consent).get("state") + "&code=fb-" + suffix);

        assertThat(callback.statusCode()).isEqualTo(303);
        String picker = callback.header("Location").replaceFirst("^https?://[^/]+", "");
        assertThat(picker).startsWith("/channels/oauth/facebook/pages/");
        Response pickerPage = admin.get(picker);
        String html = pickerPage.body().asString();
        assertThat(html).as("no Page token reaches the browser").doesNotContain("pagetoken-");
        Document page = Jsoup.parse(html);
        assertThat(page.select("input[name=pageId]").eachAttr("value")).containsExactly("p1-" + suffix, "p2-" + suffix, "p3-" + suffix);
        assertThat(page.select("input[value=p3-" + suffix + "]").hasAttr("disabled")).isTrue();
        assertThat(page.text()).contains("CREATE_CONTENT");
        assertThat(rawRow("select pages_sealed from channel_connection where id = " + picker.substring(picker.lastIndexOf('/') + 1)))
                .as("held Pages as MariaDB holds them").doesNotContain("pagetoken-").contains("v1.");
        long channels = channelCount();

        Response unusable = admin.submit(picker, picker, Map.of("pageId", "p3-" + suffix));
        assertThat(unusable.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unusable.body().asString()).select(".form-error").text()).contains("cannot be connected", "CREATE_CONTENT");
        assertThat(channelCount()).isEqualTo(channels);

        Response chosen = admin.submit(picker, picker, Map.of("pageId", "p2-" + suffix));

        assertThat(chosen.statusCode()).isEqualTo(303);
        Channel channel = channelOf("p2-" + suffix);
        assertThat(chosen.header("Location")).endsWith("/channels/" + channel.id);
        assertThat(channel.displayName).isEqualTo("Trail Shop " + suffix);
        assertThat(channel.platform).isEqualTo(Platform.FACEBOOK_REELS);
        ChannelTokens.Tokens stored = tokens.find(channel.id).orElseThrow();
        assertThat(stored.accessToken()).isEqualTo("pagetoken-two-" + suffix);
        assertThat(stored.refreshToken()).isNull();
        assertThat(channelCount()).isEqualTo(channels + 1);
        assertThat(rawRow("select pages_sealed, status from channel_connection where id = " + picker.substring(picker.lastIndexOf('/') + 1)))
                .as("the other Pages' tokens are dropped").contains("[null, COMPLETED]");

        Response again = admin.post(picker, admin.csrfToken("/channels"), Map.of("pageId", "p1-" + suffix));
        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(admin.page("/channels").select(".flash").text()).contains("This choice of Facebook Pages is closed");
        assertThat(channelCount()).isEqualTo(channels + 1);
    }

    // ---- disconnect ----

    @Test
    void disconnectAsksForConfirmationRevokesAtGoogleAndDeletesTheTokens() {
        WebSession admin = DemoUsers.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        connectYouTube(admin, "UC" + suffix, "Leaving " + suffix, "ya29.leave-" + suffix, "1//leave-" + suffix);
        long channel = channelOf("UC" + suffix).id;
        String page = "/channels/" + channel;
        assertThat(admin.page(page).select("a[href=" + page + "/disconnect]").text()).isEqualTo("Disconnect…");
        Document confirm = admin.page(page + "/disconnect");
        assertThat(confirm.select("input[type=checkbox][name=confirm]")).hasSize(1);
        assertThat(confirm.text()).contains("ask Google to revoke its access");
        google.stubFor(post(urlPathEqualTo("/revoke")).withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("token=" + encode("1//leave-" + suffix))).willReturn(aResponse().withStatus(200)));

        Response unconfirmed = admin.submit(page + "/disconnect", page + "/disconnect", Map.of());
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(Jsoup.parse(unconfirmed.body().asString()).select(".form-error").text()).contains("Tick the box");
        assertThat(tokens.find(channel)).isPresent();
        assertThat(google.findAll(postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(containing("leave-" + suffix)))).isEmpty();

        Response done = admin.submit(page + "/disconnect", page + "/disconnect", Map.of("confirm", "true"));

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(google.findAll(postRequestedFor(urlPathEqualTo("/revoke")).withRequestBody(containing("leave-" + suffix)))).hasSize(1);
        assertThat(tokens.find(channel)).isEmpty();
        assertThat(rawRow("select access_token_sealed, refresh_token_sealed, token_expires_at from channel where id = " + channel))
                .isEqualTo("[null, null, null]");
        Channel after = channelOf("UC" + suffix);
        assertThat(after.status).isEqualTo(ChannelStatus.RECONNECT_NEEDED);
        Document shown = admin.page(page);
        assertThat(shown.select(".flash").text()).contains("disconnected", "Google revoked Herald's access.");
        assertThat(shown.select("dd").eachText()).contains("Not connected");
        assertThat(auditActions(channel)).contains(AuditAction.CHANNEL_DISCONNECTED);
    }

    @Test
    void aRefusedRevocationIsReportedAndTheTokensAreDeletedAnyway() {
        WebSession admin = DemoUsers.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long channel = DispatchFixture.connectedChannel(ContentFixture.demoBrandId(), Platform.TIKTOK, 5, new ChannelTokens.Tokens("open-" + suffix,
                "act.gone-" + suffix, "rft.gone-" + suffix, java.time.Instant.now().plusSeconds(3600)));
        tiktok.stubFor(post(urlPathEqualTo("/v2/oauth/revoke/")).withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("client_key=" + TikTokStub.CLIENT_KEY + "&client_secret=" + TikTokStub.CLIENT_SECRET
                        + "&token=act.gone-" + suffix)).willReturn(aResponse().withStatus(401).withHeader("Content-Type", JSON)
                        .withBody("{\"error\":\"invalid_request\",\"error_description\":\"token revoked\",\"log_id\":\"L3\"}")));
        String page = "/channels/" + channel;

        Response done = admin.submit(page + "/disconnect", page + "/disconnect", Map.of("confirm", "true"));

        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(tokens.find(channel)).isEmpty();
        assertThat(admin.page(page).select(".flash.flash-error").text()).contains("tokens are deleted",
                "TikTok did not revoke the access (HTTP 401, invalid_request)");
    }

    @Test
    void nonAdminsCannotConnectChooseOrDisconnect() {
        long brand = ContentFixture.demoBrandId();
        String state = startYouTube(DemoUsers.admin());
        long pending = ConnectionFixture.pendingPages(brand, "admin", List.of(ConnectionFixture.page("p-" + UUID.randomUUID(),
                "Kept Page", "pagetoken-kept")));
        long channel = DispatchFixture.connectedChannel(ContentFixture.demoBrandId(), Platform.YOUTUBE_SHORTS, 5, new ChannelTokens.Tokens("UC-kept-"
                + UUID.randomUUID(), "ya29.kept", "1//kept", java.time.Instant.now().plusSeconds(3600)));
        for (WebSession user : List.of(DemoUsers.marketer(), DemoUsers.manager(), DemoUsers.reviewer())) {
            assertThat(user.page("/channels").select("a[href^=/channels/connect/]")).isEmpty();
            assertThat(user.get("/channels/connect/youtube?brand=" + brand).statusCode()).isEqualTo(403);
            assertThat(user.get("/channels/oauth/youtube/callback?state=" + state + "&code=4/x").statusCode()).isEqualTo(403);
            assertThat(user.get("/channels/oauth/facebook/pages/" + pending).statusCode()).isEqualTo(403);
            assertThat(user.submit("/channels", "/channels/oauth/facebook/pages/" + pending, Map.of("pageId", "p")).statusCode())
                    .isEqualTo(403);
            assertThat(user.get("/channels/" + channel + "/disconnect").statusCode()).isEqualTo(403);
            assertThat(user.submit("/channels", "/channels/" + channel + "/disconnect", Map.of("confirm", "true")).statusCode())
                    .isEqualTo(403);
        }
        WebSession otherAdmin = CalendarFixture.member(brand, Role.ADMIN).session();
        assertThat(otherAdmin.get("/channels/oauth/facebook/pages/" + pending).statusCode()).as("another admin's choice")
                .isEqualTo(404);
        assertThat(tokens.find(channel)).isPresent();
        assertThat(rawRow("select status from channel_connection where state_hash = '" + sha256Hex(state) + "'")).contains("STARTED");
        assertThat(DemoUsers.admin().page("/channels/oauth/facebook/pages/" + pending).select("input[name=pageId]")).hasSize(1);
    }

    @Test
    void theNewFormsRefuseAPostWithoutCsrfToken() {
        WebSession admin = DemoUsers.admin();
        admin.get("/channels");
        long pending = ConnectionFixture.pendingPages(ContentFixture.demoBrandId(), "admin",
                List.of(ConnectionFixture.page("p-csrf", "Csrf Page", "pagetoken-csrf")));
        long channel = DispatchFixture.connectedChannel(ContentFixture.demoBrandId(), Platform.YOUTUBE_SHORTS, 5, new ChannelTokens.Tokens("UC-csrf-"
                + UUID.randomUUID(), "ya29.csrf", "1//csrf", java.time.Instant.now().plusSeconds(3600)));

        assertThat(admin.submitWithoutToken("/channels/" + channel + "/disconnect", Map.of("confirm", "true")).statusCode())
                .isEqualTo(400);
        assertThat(admin.submitWithoutToken("/channels/oauth/facebook/pages/" + pending, Map.of("pageId", "p-csrf")).statusCode())
                .isEqualTo(400);
        assertThat(tokens.find(channel)).isPresent();
        assertThat(rawRow("select status from channel_connection where id = " + pending)).contains("CHOOSING_PAGE");
    }

    // ---- helpers ----

    private void connectYouTube(WebSession admin, String channelId, String title, String access, String refresh) {
        String state = startYouTube(admin);
        String code = "4/" + UUID.randomUUID();
        googleGrants(code, access, refresh, "https://www.googleapis.com/auth/youtube.upload");
        googleChannel(access, channelId, title);
        Response callback = admin.get("/channels/oauth/youtube/callback?state=" + state + "&code=" + code);
        assertThat(callback.header("Location")).as("callback of " + title).contains("/channels/").doesNotEndWith("/channels");
    }

    private static String startYouTube(WebSession admin) {
        return query(URI.create(admin.get("/channels/connect/youtube?brand=" + ContentFixture.demoBrandId()).header("Location")))
                .get("state");
    }

    /** Google's token endpoint for {@code code}, the documented form fields matched one by one. */
    private static MappingBuilder googleToken(String code) {
        return post(urlPathEqualTo("/token")).withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("code", equalTo(code)).withFormParam("client_id", equalTo(YouTubeStub.CLIENT_ID))
                .withFormParam("client_secret", equalTo(YouTubeStub.CLIENT_SECRET))
                .withFormParam("redirect_uri", equalTo(BASE + "/channels/oauth/youtube/callback"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code_verifier", com.github.tomakehurst.wiremock.client.WireMock.matching("[A-Za-z0-9_-]{43,128}"));
    }

    private void googleGrants(String code, String access, String refresh, String scope) {
        google.stubFor(googleToken(code).willReturn(json("{\"access_token\":\"" + access + "\",\"expires_in\":3599,"
                + "\"refresh_token\":\"" + refresh + "\",\"scope\":\"" + scope + "\",\"token_type\":\"Bearer\"}")));
    }

    private void googleChannel(String access, String channelId, String title) {
        google.stubFor(get(urlPathEqualTo("/youtube/v3/channels")).withQueryParam("part", equalTo("snippet"))
                .withQueryParam("mine", equalTo("true")).withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(json("{\"kind\":\"youtube#channelListResponse\",\"items\":[{\"kind\":\"youtube#channel\",\"id\":\""
                        + channelId + "\",\"snippet\":{\"title\":\"" + title + "\"}}]}")));
    }

    private static MappingBuilder tiktokToken(String code) {
        return post(urlPathEqualTo("/v2/oauth/token/")).withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("client_key", equalTo(TikTokStub.CLIENT_KEY))
                .withFormParam("client_secret", equalTo(TikTokStub.CLIENT_SECRET)).withFormParam("code", equalTo(code))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("redirect_uri", equalTo(BASE + "/channels/oauth/tiktok/callback"))
                .withFormParam("code_verifier", absent());
    }

    private static String page(String id, String name, String token, boolean canPost) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"access_token\":\"" + token + "\",\"tasks\":["
                + (canPost ? "\"ANALYZE\",\"CREATE_CONTENT\"" : "\"ANALYZE\"") + "]}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", JSON).withBody(body);
    }

    private static void assertRefused(WebSession session, Response response, String message) {
        assertThat(response.statusCode()).isEqualTo(303);
        assertThat(response.header("Location")).endsWith("/channels");
        assertThat(session.page("/channels").select(".flash.flash-error").text()).contains(message);
    }

    private static Map<String, String> query(URI uri) {
        return form(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                values.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String sha256Hex(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first row of {@code sql} as MariaDB returns it, read with plain SQL (no entity, no decryption). */
    private static String rawRow(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = Channel.getEntityManager().createNativeQuery(sql).getResultList();
            Object row = rows.isEmpty() ? null : rows.get(0);
            return row instanceof Object[] cells ? java.util.Arrays.toString(cells) : String.valueOf(row);
        });
    }

    private Channel channelOf(String accountId) {
        return QuarkusTransaction.requiringNew().call(() -> Channel.<Channel>find("id in ?1", tokens.channelsOf(accountId))
                .firstResult());
    }

    private static long channelCount() {
        return QuarkusTransaction.requiringNew().call(() -> Channel.count());
    }

    private static List<AuditAction> auditActions(long channel) {
        return QuarkusTransaction.requiringNew().call(() -> AuditEntry.<AuditEntry>list("subjectType = ?1 and subjectId = ?2",
                ChannelService.AUDIT_SUBJECT, channel).stream().map(entry -> entry.action).toList());
    }
}
