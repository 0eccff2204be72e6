package app.herald.channel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;
import app.herald.platform.Platform;
import app.herald.platform.PlatformSpec;
import app.herald.platform.PlatformSpecs;
import app.herald.system.HeraldConfig;
import app.herald.system.SecretBox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Connects and disconnects platform accounts: the one-time state and PKCE verifier of each attempt in the database,
 * the callback that checks them and turns the platform's code into a channel with sealed tokens, the Facebook Page
 * choice, and the disconnection that revokes and deletes the tokens. Platform calls run between short transactions,
 * never inside one; a refusal at any step stores nothing.
 */
@ApplicationScoped
public class ChannelConnections {

    /** How long a consent (or a Page choice) may take before its state is refused. */
    static final Duration VALID_FOR = Duration.ofMinutes(10);
    /** Finished attempts stay this long, so a replayed callback is told "already used" rather than "unknown". */
    private static final Duration KEPT_FOR = Duration.ofDays(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where a callback leads: the connected channel, or the Page choice of attempt {@code choosePages}. */
    public record Outcome(Channel channel, Long choosePages) {
    }

    /** A Page on offer, without its token (which stays sealed server-side). */
    public record PageChoice(String id, String name, String unusable) {
    }

    /** The Pages an admin picks from, for the brand the attempt was started for. */
    public record PendingPages(long connectionId, String brandName, List<PageChoice> pages, Instant expiresAt) {
    }

    /** A disconnected channel and what the platform said to the revocation. */
    public record Disconnected(Channel channel, PlatformOAuth.Revocation revocation) {
    }

    /** A claimed attempt, as the platform calls outside the transaction need it. */
    private record Claim(long id, String redirectUri, String codeVerifier) {
    }

    private final Instance<PlatformOAuth> platforms;
    private final ChannelTokens tokens;
    private final ChannelService channels;
    private final BrandAccess brands;
    private final AuditService audit;
    private final SecurityIdentity identity;
    private final HeraldConfig config;
    private final SecretBox box;

    @Inject
    public ChannelConnections(@Any Instance<PlatformOAuth> platforms, ChannelTokens tokens, ChannelService channels,
            BrandAccess brands, AuditService audit, SecurityIdentity identity, HeraldConfig config) {
        this.platforms = platforms;
        this.tokens = tokens;
        this.channels = channels;
        this.brands = brands;
        this.audit = audit;
        this.identity = identity;
        this.config = config;
        this.box = SecretBox.of(config.secretKey(), config.dataDir());
    }

    /** Every platform Herald knows how to connect, in the platforms' order. */
    public List<PlatformOAuth> platforms() {
        return platforms.stream().sorted(Comparator.comparing(PlatformOAuth::platform)).toList();
    }

    /** The platform named {@code slug} in a connection URL; an unknown name is a 404. */
    public PlatformOAuth platform(String slug) {
        return platforms.stream().filter(oauth -> oauth.slug().equals(slug)).findFirst().orElseThrow(NotFoundException::new);
    }

    public Optional<PlatformOAuth> forPlatform(Platform platform) {
        return platforms.stream().filter(oauth -> oauth.platform() == platform).findFirst();
    }

    /**
     * The redirect URI registered with the platform: {@code herald.public-url} when set, else the address the request
     * came to (through the trusted proxy), then {@code /channels/oauth/<platform>/callback}.
     */
    public String redirectUri(PlatformOAuth oauth, URI requestBase) {
        String base = config.publicUrl().filter(url -> !url.isBlank()).orElse(requestBase.toString());
        return base.replaceAll("/+$", "") + "/channels/oauth/" + oauth.slug() + "/callback";
    }

    /**
     * Starts connecting an account of {@code oauth}'s platform to the brand: stores a one-time state (and the PKCE
     * verifier) for the signed-in admin and answers the platform's consent page to send them to.
     */
    public URI start(PlatformOAuth oauth, long brandId, String redirectUri) {
        oauth.missingSettings().ifPresent(reason -> {
            throw new ChannelException(oauth.platform().label() + " cannot be connected yet: " + reason);
        });
        String state = random(32);
        String verifier = oauth.usesPkce() ? random(48) : null;
        String username = identity.getPrincipal().getName();
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            Brand brand = brands.requireVisible(brandId);
            purge(now);
            ChannelConnection attempt = new ChannelConnection();
            attempt.stateHash = sha256(state);
            attempt.platform = oauth.platform();
            attempt.brand = brand;
            attempt.username = username;
            attempt.redirectUri = redirectUri;
            attempt.codeVerifierSealed = verifier == null ? null : box.seal(verifier, verifierContext(attempt.stateHash));
            attempt.status = ConnectionStatus.STARTED;
            attempt.createdAt = now;
            attempt.expiresAt = now.plus(VALID_FOR);
            attempt.persist();
        });
        return oauth.authorizeUri(state, redirectUri, verifier == null ? null : challenge(verifier));
    }

    /**
     * The platform's callback: checks the state (known, this admin's, unused, not expired) and claims it, then
     * exchanges the code and reads the account. A refusal anywhere is a {@link ChannelException} saying why, with
     * nothing stored.
     */
    public Outcome callback(PlatformOAuth oauth, String state, String code, String error, String errorDescription) {
        Claim claim = claim(oauth, state);
        String label = oauth.platform().label();
        if (error != null && !error.isBlank()) {
            throw fail(claim.id(), "access_denied".equals(error)
                    ? "The consent was declined on " + label + ", so nothing was connected."
                    : label + " reported an error instead of a consent (" + error + ": "
                            + (errorDescription == null || errorDescription.isBlank() ? "no description" : errorDescription)
                            + "); nothing was connected.");
        }
        if (code == null || code.isBlank()) {
            throw fail(claim.id(), label + " came back without an authorization code; nothing was connected.");
        }
        List<PlatformOAuth.OAuthAccount> accounts;
        try {
            accounts = oauth.accounts(code, claim.redirectUri(), claim.codeVerifier());
        } catch (ChannelException e) {
            throw fail(claim.id(), e.getMessage() + " Nothing was stored; connect again.");
        }
        if (oauth.picksAccount()) {
            hold(claim.id(), accounts);
            return new Outcome(null, claim.id());
        }
        return new Outcome(connect(claim.id(), accounts.get(0)), null);
    }

    /** The Pages of the signed-in admin's attempt {@code connectionId}; another admin's or an unknown one is a 404. */
    public PendingPages pages(long connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChannelConnection attempt = openChoice(connectionId);
            List<PageChoice> choices = new ArrayList<>();
            heldPages(attempt).forEach(page -> choices.add(new PageChoice(page.path("id").asText(), page.path("name").asText(),
                    page.path("unusable").asText(null))));
            return new PendingPages(attempt.id, attempt.brand.name, choices, attempt.expiresAt);
        });
    }

    /** Connects the Page {@code pageId} of the admin's attempt with the token Facebook gave for it. */
    public Channel choose(long connectionId, String pageId) {
        PlatformOAuth.OAuthAccount chosen = QuarkusTransaction.requiringNew().call(() -> {
            ChannelConnection attempt = openChoice(connectionId);
            JsonNode page = null;
            for (JsonNode held : heldPages(attempt)) {
                if (held.path("id").asText().equals(pageId)) {
                    page = held;
                }
            }
            if (page == null) {
                throw new ChannelException("Choose one of the Pages listed.");
            }
            if (page.hasNonNull("unusable")) {
                throw new ChannelException("'" + page.path("name").asText() + "' cannot be connected: "
                        + page.path("unusable").asText() + ".");
            }
            if (!ChannelConnection.move(attempt.id, ConnectionStatus.CHOOSING_PAGE, ConnectionStatus.EXCHANGING)) {
                throw new ChannelException("This Page choice was already made. Connect again to choose another Page.");
            }
            return new PlatformOAuth.OAuthAccount(page.path("name").asText(), new ChannelTokens.Tokens(page.path("id").asText(),
                    page.path("token").asText(), null, null), null);
        });
        return connect(connectionId, chosen);
    }

    /**
     * Disconnects a channel after {@code confirm}: revokes the access where the platform allows it (a refused or
     * unanswered revocation is reported, never blocking), deletes the tokens, and leaves the channel needing a
     * reconnection so nothing is dispatched to it.
     */
    public Disconnected disconnect(long channelId, boolean confirm) {
        Channel channel = channels.find(channelId);
        if (channel.sandbox) {
            throw new ChannelException("A Sandbox channel has no platform account to disconnect.");
        }
        if (!confirm) {
            throw new ChannelException("Tick the box to confirm that Herald should disconnect " + channel.label() + ".");
        }
        PlatformOAuth.Revocation revocation;
        try {
            Optional<ChannelTokens.Tokens> stored = tokens.find(channelId);
            if (stored.isEmpty()) {
                throw new ChannelException(channel.label() + " is not connected to an account; there is nothing to disconnect.");
            }
            revocation = forPlatform(channel.platform).map(oauth -> oauth.revoke(stored.get())).orElseGet(() ->
                    new PlatformOAuth.Revocation(false, "Herald cannot revoke " + channel.platform.label() + " access."));
        } catch (SecretBox.Unreadable e) {
            revocation = new PlatformOAuth.Revocation(false, "The stored tokens could not be read, so nothing was revoked ("
                    + e.getMessage() + ")");
        }
        tokens.forget(channelId);
        PlatformOAuth.Revocation said = revocation;
        String username = identity.getPrincipal().getName();
        Channel disconnected = QuarkusTransaction.requiringNew().call(() -> {
            Channel row = Channel.findById(channelId);
            ChannelStatus before = row.status;
            row.status = ChannelStatus.RECONNECT_NEEDED;
            row.pauseReason = "Disconnected by " + username + ": connect the account again to publish to this channel.";
            audit.record(AuditAction.CHANNEL_DISCONNECTED, ChannelService.AUDIT_SUBJECT, row.id, row.label())
                    .brand(row.brand.id).transition(before, row.status).comment("Tokens deleted. " + said.message()).write();
            return row;
        });
        return new Disconnected(disconnected, said);
    }

    /** Finds and claims the attempt of {@code state}; every refusal says what to do and changes nothing. */
    private Claim claim(PlatformOAuth oauth, String state) {
        String hash = sha256(state == null ? "" : state);
        String username = identity.getPrincipal().getName();
        Instant now = Instant.now();
        return QuarkusTransaction.requiringNew().call(() -> {
            ChannelConnection attempt = ChannelConnection.<ChannelConnection>find("stateHash", hash).firstResult();
            String again = " Nothing was stored; start again with Connect on the Channels page.";
            if (attempt == null || attempt.platform != oauth.platform()) {
                throw new ChannelException("Herald did not start this " + oauth.platform().label()
                        + " connection (unknown or mismatched state), so it was refused." + again);
            }
            if (!attempt.username.equals(username)) {
                throw new ChannelException("This connection was started by another user; only they can finish it." + again);
            }
            if (attempt.status == ConnectionStatus.STARTED && !now.isBefore(attempt.expiresAt)) {
                throw new ChannelException("This connection expired: the consent must come back within "
                        + VALID_FOR.toMinutes() + " minutes." + again);
            }
            if (attempt.status != ConnectionStatus.STARTED || !ChannelConnection.move(attempt.id, ConnectionStatus.STARTED,
                    ConnectionStatus.EXCHANGING)) {
                throw new ChannelException("This connection link was already used." + again);
            }
            String verifier = attempt.codeVerifierSealed == null ? null
                    : box.open(attempt.codeVerifierSealed, verifierContext(attempt.stateHash));
            return new Claim(attempt.id, attempt.redirectUri, verifier);
        });
    }

    /** Marks the attempt failed with {@code message}, the exception the caller throws. */
    private ChannelException fail(long connectionId, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelConnection attempt = ChannelConnection.findById(connectionId);
            attempt.become(ConnectionStatus.FAILED);
            attempt.failure = message.length() > 1000 ? message.substring(0, 1000) : message;
            attempt.pagesSealed = null;
        });
        return new ChannelException(message);
    }

    /** Keeps Facebook's Pages, tokens sealed, until the admin picks one (within {@link #VALID_FOR}). */
    void hold(long connectionId, List<PlatformOAuth.OAuthAccount> pages) {
        ArrayNode held = PlatformHttp.JSON.createArrayNode();
        pages.forEach(page -> held.addObject().put("id", page.id()).put("name", page.name())
                .put("token", page.tokens().accessToken()).put("unusable", page.unusable()));
        QuarkusTransaction.requiringNew().run(() -> {
            ChannelConnection attempt = ChannelConnection.findById(connectionId);
            attempt.become(ConnectionStatus.CHOOSING_PAGE);
            attempt.pagesSealed = box.seal(held.toString(), pagesContext(connectionId));
            attempt.expiresAt = Instant.now().plus(VALID_FOR);
        });
    }

    /**
     * Creates or updates the account's channel, stores its tokens, then makes it active: three steps so that a
     * channel is never active before its tokens are stored (the token store runs in a transaction of its own).
     */
    private Channel connect(long connectionId, PlatformOAuth.OAuthAccount account) {
        long channelId = QuarkusTransaction.requiringNew().call(() -> channelFor(ChannelConnection.findById(connectionId), account).id);
        tokens.store(channelId, account.tokens());
        return QuarkusTransaction.requiringNew().call(() -> {
            Channel channel = Channel.findById(channelId);
            ChannelStatus before = channel.status;
            // An admin's pause stays; a channel that needed reconnecting (or was just created) is active again.
            if (before != ChannelStatus.PAUSED) {
                channel.status = ChannelStatus.ACTIVE;
            }
            if (before == ChannelStatus.RECONNECT_NEEDED) {
                channel.pauseReason = null;
            }
            audit.record(AuditAction.CHANNEL_CONNECTED, ChannelService.AUDIT_SUBJECT, channel.id, channel.label())
                    .brand(channel.brand.id).transition(before, channel.status)
                    .comment(channel.kindLabel() + " '" + account.name() + "' (" + account.id() + ") connected; tokens stored sealed.")
                    .write();
            ChannelConnection attempt = ChannelConnection.findById(connectionId);
            attempt.become(ConnectionStatus.COMPLETED);
            attempt.channelId = channel.id;
            attempt.pagesSealed = null;
            return channel;
        });
    }

    /**
     * The brand's channel of this account: the one connected to it before, else a real channel of the same name never
     * connected to any account (added by hand), else a new one named after the account.
     */
    private Channel channelFor(ChannelConnection attempt, PlatformOAuth.OAuthAccount account) {
        Brand brand = attempt.brand;
        String name = account.name().strip().isEmpty() ? account.id() : account.name().strip();
        name = name.length() > 120 ? name.substring(0, 120) : name;
        List<Long> connected = tokens.channelsOf(account.id());
        Channel channel = connected.isEmpty() ? null : Channel.<Channel>find("brand = ?1 and platform = ?2 and sandbox = false"
                + " and id in ?3 order by id", brand, attempt.platform, connected).firstResult();
        if (channel != null) {
            if (!channel.displayName.equals(name) && free(brand, attempt.platform, name)) {
                String before = channel.displayName;
                channel.displayName = name;
                audit.record(AuditAction.CHANNEL_UPDATED, ChannelService.AUDIT_SUBJECT, channel.id, channel.label())
                        .brand(brand.id).comment("Renamed from '" + before + "' after the account's name.").write();
            }
            return channel;
        }
        Channel named = Channel.<Channel>find("brand = ?1 and platform = ?2 and sandbox = false and displayName = ?3", brand,
                attempt.platform, name).firstResult();
        if (named != null && !tokens.everConnected(named.id)) {
            return named;
        }
        PlatformSpec spec = PlatformSpecs.of(attempt.platform);
        channel = new Channel();
        channel.brand = brand;
        channel.platform = attempt.platform;
        channel.displayName = uniqueName(brand, attempt.platform, name);
        channel.timezone = brand.timezone;
        channel.status = ChannelStatus.RECONNECT_NEEDED;
        channel.dailyCap = spec.postsPer24h();
        channel.minGapMinutes = (int) spec.evenSpacing().toMinutes();
        channel.createdAt = Instant.now();
        channel.persist();
        audit.record(AuditAction.CHANNEL_CREATED, ChannelService.AUDIT_SUBJECT, channel.id, channel.label()).brand(brand.id)
                .transition(null, channel.status).comment("Added by connecting the account; active once its tokens are stored.")
                .write();
        return channel;
    }

    private static boolean free(Brand brand, Platform platform, String name) {
        return Channel.count("brand = ?1 and platform = ?2 and displayName = ?3", brand, platform, name) == 0;
    }

    /** {@code name}, or "name (2)", "name (3)"... when the brand already has a channel of that name on the platform. */
    private static String uniqueName(Brand brand, Platform platform, String name) {
        String candidate = name;
        for (int n = 2; !free(brand, platform, candidate); n++) {
            String suffix = " (" + n + ")";
            candidate = (name.length() + suffix.length() > 120 ? name.substring(0, 120 - suffix.length()) : name) + suffix;
        }
        return candidate;
    }

    /** The admin's own attempt waiting for a Page choice; anything else of theirs says it is closed. */
    private ChannelConnection openChoice(long connectionId) {
        ChannelConnection attempt = ChannelConnection.findById(connectionId);
        if (attempt == null || !attempt.username.equals(identity.getPrincipal().getName())) {
            throw new NotFoundException();
        }
        if (attempt.status != ConnectionStatus.CHOOSING_PAGE || !Instant.now().isBefore(attempt.expiresAt)) {
            throw new ChannelException("This choice of Facebook Pages is closed (already made, or older than "
                    + VALID_FOR.toMinutes() + " minutes). Connect Facebook again to choose a Page.");
        }
        return attempt;
    }

    private JsonNode heldPages(ChannelConnection attempt) {
        return PlatformHttp.json(box.open(attempt.pagesSealed, pagesContext(attempt.id)));
    }

    /** Drops the held Pages of expired choices, and attempts older than {@link #KEPT_FOR}. */
    private static void purge(Instant now) {
        ChannelConnection.update("pagesSealed = null where expiresAt < ?1 and pagesSealed is not null", now);
        ChannelConnection.delete("expiresAt < ?1", now.minus(KEPT_FOR));
    }

    private static String verifierContext(String stateHash) {
        return "channel connection " + stateHash + " code verifier";
    }

    private static String pagesContext(long connectionId) {
        return "channel connection " + connectionId + " pages";
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** The PKCE S256 challenge: base64url (no padding) of the verifier's SHA-256. */
    static String challenge(String verifier) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(verifier));
    }

    private static String sha256(String value) {
        return HexFormat.of().formatHex(digest(value));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
