package app.herald.calendar;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import app.herald.account.AppUser;
import app.herald.account.Role;
import app.herald.brand.Brand;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** Builds a user's calendar feed: one VEVENT per publication of their brands, with a UID that survives moves. */
@ApplicationScoped
public class IcalFeed {

    /** The user holding {@code token}, if it is a live feed token of an active user. */
    @Transactional
    public AppUser owner(String token) {
        if (token == null || token.isBlank()) {
            return null;
        }
        return AppUser.<AppUser>find("icalTokenHash = ?1 and active = true", FeedTokens.hash(token)).firstResult();
    }

    /** The feed of {@code user}, linking each event to its publication page under {@code base}. */
    @Transactional
    public String render(AppUser user, URI base) {
        List<Brand> brands = user.hasRole(Role.ADMIN) ? Brand.listByName() : Brand.listForMember(user.username);
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Herald//Publication calendar//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        if (!brands.isEmpty()) {
            Instant stamp = Instant.now();
            List<Publication> publications = Publication.list("select p from Publication p join fetch p.content"
                    + " join fetch p.channel ch where ch.brand in ?1 order by p.scheduledAt", brands);
            for (Publication publication : publications) {
                VEvent event = new VEvent(publication.scheduledAt, publication.summary()
                        + (publication.status == PublicationStatus.SCHEDULED ? "" : " (" + publication.status.label() + ")"));
                event.add(new Uid("publication-" + publication.id + "@herald"));
                event.add(new DtStamp(stamp));
                event.add(new Url(base.resolve("calendar/publications/" + publication.id)));
                calendar.add(event);
            }
        }
        return calendar.toString();
    }
}
