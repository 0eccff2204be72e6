package app.herald.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.herald.account.AppUser;
import app.herald.system.Zones;

/** The signed-in user's calendar settings: display zone and calendar feed token. */
@ApplicationScoped
@Transactional
public class ProfileService {

    /** Sets the zone pages show times in; blank returns to the default (the first brand's zone). */
    public void setZone(String username, String zone) {
        String chosen = zone == null ? "" : zone.strip();
        if (!chosen.isEmpty()) {
            chosen = Zones.require(chosen, ScheduleException::new).getId();
        }
        user(username).timezone = chosen.isEmpty() ? null : chosen;
    }

    /** Sets where notifications are e-mailed; blank stops the e-mails. */
    public void setEmail(String username, String email) {
        String chosen = email == null ? "" : email.strip();
        if (!chosen.isEmpty() && (chosen.length() > 254 || !chosen.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            throw new ScheduleException("'" + chosen + "' is not an e-mail address (name@example.org).");
        }
        user(username).email = chosen.isEmpty() ? null : chosen;
    }

    /** Turns a manager's weekly analytics digest on or off. */
    public void setWeeklyDigest(String username, boolean on) {
        user(username).weeklyDigest = on;
    }

    /** Makes a new feed token (the old one stops working) and returns it; it is not retrievable later. */
    public String newFeedToken(String username) {
        String token = FeedTokens.generate();
        user(username).icalTokenHash = FeedTokens.hash(token);
        return token;
    }

    public void revokeFeedToken(String username) {
        user(username).icalTokenHash = null;
    }

    private static AppUser user(String username) {
        return AppUser.findByUsername(username).orElseThrow(() -> new IllegalStateException("No user " + username));
    }
}
