package app.herald.brand;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import app.herald.system.IdentifiedEntity;

/** A brand whose content, rules and channels Herald manages; its IANA zone anchors scheduling. */
@Entity
@Table(name = "brand")
public class Brand extends IdentifiedEntity {

    @Column(nullable = false, unique = true, length = 120)
    public String name;

    @Column(length = 2000)
    public String voice;

    @Column(nullable = false, length = 64)
    public String timezone;

    @Column(name = "default_disclaimer", length = 1000)
    public String defaultDisclaimer;

    @Column(name = "default_hashtags", length = 500)
    public String defaultHashtags;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<Brand> findByName(String name) {
        return find("name", name).firstResultOptional();
    }
}
