package app.herald.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import app.herald.platform.Platform;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A publication's latest imported metrics and import state as pages show them (read-only: the importer writes the
 * row with batched SQL). A metric the platform does not give reads "not available on TikTok", never 0.
 */
@Entity
@Immutable
@Table(name = "publication_metrics")
public class LatestMetrics extends PanacheEntityBase {

    @Id
    @Column(name = "publication_id")
    public Long publicationId;

    @Column(name = "measured_at")
    public Instant measuredAt;

    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;

    @Column(name = "last_error", length = 1000)
    public String lastError;

    public Long views;

    public Long likes;

    public Long comments;

    public Long shares;

    public Long saves;

    @Column(name = "watch_time_seconds")
    public Long watchTimeSeconds;

    @Column(name = "average_view_seconds")
    public Double averageViewSeconds;

    @Column(name = "average_percent_viewed")
    public Double averagePercentViewed;

    public Long reach;

    @Column(name = "followers_gained")
    public Long followersGained;

    /** One line of the metrics list: a name and its value, or why there is none. */
    public record Shown(String label, String value, boolean available) {
    }

    public static LatestMetrics of(long publicationId) {
        return findById(publicationId);
    }

    /** The metrics in the order pages list them, each formatted for people or "not available on {platform}". */
    public List<Shown> shown(Platform platform) {
        List<Shown> shown = new ArrayList<>();
        String missing = "not available on " + platform.label();
        shown.add(count("Views", views, missing));
        shown.add(count("Likes", likes, missing));
        shown.add(count("Comments", comments, missing));
        shown.add(count("Shares", shares, missing));
        shown.add(count("Saves", saves, missing));
        shown.add(watchTimeSeconds == null ? new Shown("Watch time", missing, false)
                : new Shown("Watch time", duration(watchTimeSeconds), true));
        shown.add(averageViewSeconds == null ? new Shown("Average view duration", missing, false)
                : new Shown("Average view duration", String.format(Locale.ROOT, "%.1f s", averageViewSeconds), true));
        shown.add(averagePercentViewed == null ? new Shown("Average % viewed", missing, false)
                : new Shown("Average % viewed", String.format(Locale.ROOT, "%.1f%%", averagePercentViewed), true));
        shown.add(count("Reach", reach, missing));
        shown.add(count("Followers gained", followersGained, missing));
        return shown;
    }

    private static Shown count(String label, Long value, String missing) {
        return value == null ? new Shown(label, missing, false) : new Shown(label, String.format(Locale.ROOT, "%,d", value), true);
    }

    private static String duration(long seconds) {
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        return hours > 0 ? String.format(Locale.ROOT, "%,d h %d min", hours, minutes)
                : String.format(Locale.ROOT, "%d min %d s", minutes, seconds % 60);
    }
}
