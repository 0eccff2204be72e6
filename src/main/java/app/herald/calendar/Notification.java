package app.herald.calendar;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.herald.system.IdentifiedEntity;

/** An in-app message to one user (e.g. a publication that needs rescheduling), unread until they open the list. */
@Entity
@Table(name = "notification")
public class Notification extends IdentifiedEntity {

    @Column(nullable = false, length = 64)
    public String recipient;

    @Column(nullable = false, length = 1000)
    public String message;

    @Column(length = 300)
    public String link;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    public static List<Notification> latestFor(String recipient) {
        return find("recipient = ?1 order by createdAt desc, id desc", recipient).page(0, 200).list();
    }

    public static long unreadFor(String recipient) {
        // A plain count query: Panache's count() derives a new count query each call, which Hibernate re-translates.
        return getEntityManager()
                .createQuery("select count(n) from Notification n where n.recipient = ?1 and n.readAt is null", Long.class)
                .setParameter(1, recipient).getSingleResult();
    }
}
