package app.herald.calendar;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import app.herald.account.AppUser;
import app.herald.account.DemoUsers;
import app.herald.account.Role;
import app.herald.account.UserService;
import app.herald.brand.Brand;
import app.herald.channel.Channel;
import app.herald.channel.ChannelStatus;
import app.herald.content.ContentItem;
import app.herald.content.ContentRevision;
import app.herald.content.ContentState;
import app.herald.content.SequencingStrategy;
import app.herald.platform.Platform;
import app.herald.web.WebSession;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Calendar test data written straight to the database in its own transactions: a fresh brand per test (so caps,
 * gaps and blackout dates of other tests never interfere), channels, approved content and publications.
 */
public final class CalendarFixture {

    private CalendarFixture() {
    }

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static long brand(String zone) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Brand brand = new Brand();
            brand.name = unique("Cal brand");
            brand.timezone = zone;
            brand.createdAt = Instant.now();
            brand.persist();
            return brand.id;
        });
    }

    public static long channel(long brandId, Platform platform, String zone, int cap, int gapMinutes, ChannelStatus status) {
        return channel(brandId, platform, unique("Channel"), zone, cap, gapMinutes, status);
    }

    public static long channel(long brandId, Platform platform, String name, String zone, int cap, int gapMinutes,
            ChannelStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Channel channel = new Channel();
            channel.brand = Brand.findById(brandId);
            channel.platform = platform;
            channel.sandbox = true;
            channel.displayName = name;
            channel.timezone = zone;
            channel.status = status;
            channel.dailyCap = cap;
            channel.minGapMinutes = gapMinutes;
            channel.createdAt = Instant.now();
            channel.persist();
            return channel.id;
        });
    }

    /** Approved content (revision 1 approved and current) targeting {@code platforms}, owned by {@code owner}. */
    public static long approvedContent(long brandId, String title, SequencingStrategy strategy, Set<Platform> platforms,
            String owner) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem item = new ContentItem();
            item.brand = Brand.findById(brandId);
            item.title = title;
            item.sequencing = strategy;
            item.setPlatforms(platforms);
            item.state = ContentState.APPROVED;
            item.createdBy = owner;
            item.createdAt = Instant.now();
            item.updatedAt = item.createdAt;
            item.submittedAt = item.createdAt;
            item.persist();
            ContentRevision revision = new ContentRevision();
            revision.contentId = item.id;
            revision.number = 1;
            revision.sha256 = "a".repeat(64);
            revision.canonical = title;
            revision.createdBy = owner;
            revision.createdAt = item.createdAt;
            revision.persist();
            item.currentRevisionId = revision.id;
            item.approvedRevisionId = revision.id;
            return item.id;
        });
    }

    public static long approvedContent(long brandId, String title) {
        return approvedContent(brandId, title, SequencingStrategy.BALANCED, EnumSet.allOf(Platform.class), "marketer");
    }

    /** A publication placed directly, bypassing the checks (for calendar rendering and job tests). */
    public static long publication(long contentId, long channelId, Instant at, PublicationStatus status) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ContentItem content = ContentItem.findById(contentId);
            Publication publication = new Publication();
            publication.content = content;
            publication.channel = Channel.findById(channelId);
            publication.scheduledAt = at;
            publication.status = status;
            publication.revisionId = content.approvedRevisionId;
            publication.slotSource = SlotSource.CHOSEN;
            publication.createdBy = content.createdBy;
            publication.createdAt = Instant.now();
            publication.updatedAt = publication.createdAt;
            publication.persist();
            if (content.state == ContentState.APPROVED) {
                content.state = ContentState.SCHEDULED;
            }
            return publication.id;
        });
    }

    /** Simulates an edit after approval: a new current revision, approval cleared, back in review. */
    public static void editAfterApproval(long contentId) {
        QuarkusTransaction.requiringNew().run(() -> {
            ContentItem item = ContentItem.findById(contentId);
            ContentRevision revision = new ContentRevision();
            revision.contentId = item.id;
            revision.number = (int) ContentRevision.count("contentId", contentId) + 1;
            revision.sha256 = String.format("%064d", revision.number);
            revision.canonical = item.title + " edited";
            revision.createdBy = item.createdBy;
            revision.createdAt = Instant.now();
            revision.persist();
            item.currentRevisionId = revision.id;
            item.approvedRevisionId = null;
            item.state = ContentState.SUBMITTED;
            item.submittedAt = revision.createdAt;
        });
    }

    public static Publication load(long publicationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Publication publication = Publication.findById(publicationId);
            publication.content.title.length();
            publication.channel.displayName.length();
            return publication;
        });
    }

    public static ContentItem content(long contentId) {
        return QuarkusTransaction.requiringNew().call(() -> ContentItem.findById(contentId));
    }

    /** A signed-in user and their name. */
    public record Member(String username, WebSession session) {
    }

    /** A new user who is a member of {@code brandId} only, signed in through the login form. */
    public static Member member(long brandId, Role role) {
        return member(brandId, EnumSet.of(role));
    }

    /** A new user holding {@code roles} who is a member of {@code brandId} only, signed in through the login form. */
    public static Member member(long brandId, Set<Role> roles) {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            AppUser user = Arc.container().instance(UserService.class).get()
                    .create(username, "Member " + username, DemoUsers.PASSWORD, roles);
            Brand brand = Brand.findById(brandId);
            brand.members.add(user);
        });
        return new Member(username, WebSession.signIn(username, DemoUsers.PASSWORD));
    }

    /** Chooses the member's display zone through the profile form. */
    public static void setZone(Member member, String zone) {
        int status = member.session().submit("/profile", "/profile/zone", java.util.Map.of("timezone", zone)).statusCode();
        if (status != 303) {
            throw new AssertionError("Setting the zone answered " + status);
        }
    }
}
