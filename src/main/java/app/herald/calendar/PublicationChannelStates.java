package app.herald.calendar;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import app.herald.content.ChannelStates;

/** The content pages' per-channel status, read from the publications in one query. */
@ApplicationScoped
public class PublicationChannelStates implements ChannelStates {

    @Override
    public Map<Long, List<ChannelState>> of(Collection<Long> contentIds) {
        Map<Long, List<ChannelState>> states = new LinkedHashMap<>();
        if (contentIds.isEmpty()) {
            return states;
        }
        List<Publication> publications = Publication.list("select p from Publication p join fetch p.channel ch"
                + " where p.content.id in ?1 order by ch.platform, ch.displayName", contentIds);
        for (Publication publication : publications) {
            states.computeIfAbsent(publication.content.id, id -> new java.util.ArrayList<>())
                    .add(new ChannelState(publication.channel.label(), publication.status.label(),
                            publication.status.cssName(), "/calendar/publications/" + publication.id));
        }
        return states;
    }

    @Override
    public Map<Long, Instant> booked(long contentId) {
        Map<Long, Instant> times = new LinkedHashMap<>();
        Publication.<Publication>list("content.id = ?1 and status in ?2", contentId, PublicationStatus.TAKES_A_SLOT)
                .forEach(publication -> times.put(publication.channel.id, publication.scheduledAt));
        return times;
    }
}
