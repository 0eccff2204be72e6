package app.herald.calendar;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import app.herald.system.IdentifiedEntity;

/** One platform call made for a publication: when, which step, how it ended, what the platform said, how long. */
@Entity
@Table(name = "publication_attempt")
public class PublicationAttempt extends IdentifiedEntity {

    /** The steps of a publish, as the connector interface names them. */
    public enum Step {
        START, SEND, FINISH, STATUS, LOOKUP, REFRESH, COVER
    }

    @Column(name = "publication_id", nullable = false)
    public Long publicationId;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Step step;

    /** {@code OK} or the failure class. */
    @Column(nullable = false, length = 20)
    public String outcome;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(name = "error_code", length = 100)
    public String errorCode;

    @Column(length = 1000)
    public String message;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    @Column(nullable = false, length = 80)
    public String instance;

    public static List<PublicationAttempt> listFor(long publicationId) {
        return list("publicationId = ?1 order by startedAt, id", publicationId);
    }
}
