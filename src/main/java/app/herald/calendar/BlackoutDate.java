package app.herald.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import app.herald.brand.Brand;
import app.herald.system.IdentifiedEntity;

/** A day (in the brand's zone) on which nothing of the brand may be published. */
@Entity
@Table(name = "brand_blackout")
public class BlackoutDate extends IdentifiedEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "brand_id")
    public Brand brand;

    @Column(nullable = false)
    public LocalDate day;

    @Column(length = 200)
    public String reason;

    public static List<BlackoutDate> listFor(List<Brand> brands) {
        return brands.isEmpty() ? List.of() : list("brand in ?1 order by brand.name, day", brands);
    }

    public static boolean isBlackout(Brand brand, LocalDate day) {
        return count("brand = ?1 and day = ?2", brand, day) > 0;
    }
}
