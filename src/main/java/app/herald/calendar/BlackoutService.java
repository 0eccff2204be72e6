package app.herald.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.herald.audit.AuditAction;
import app.herald.audit.AuditService;
import app.herald.brand.Brand;
import app.herald.brand.BrandAccess;

/** Adds and removes a brand's blackout dates, auditing each as a change to the brand. */
@ApplicationScoped
@Transactional
public class BlackoutService {

    private static final String AUDIT_SUBJECT = "BRAND";

    @Inject
    BrandAccess brands;

    @Inject
    AuditService audit;

    public BlackoutDate add(Long brandId, String day, String reason) {
        if (brandId == null) {
            throw new ScheduleException("Choose a brand.");
        }
        Brand brand = brands.requireVisible(brandId);
        LocalDate date;
        try {
            date = LocalDate.parse(day == null ? "" : day.strip());
        } catch (DateTimeParseException e) {
            throw new ScheduleException("Give the day as a date such as 2026-12-24.");
        }
        String note = reason == null || reason.isBlank() ? null : reason.strip();
        if (note != null && note.length() > 200) {
            throw new ScheduleException("The reason is limited to 200 characters.");
        }
        if (BlackoutDate.isBlackout(brand, date)) {
            throw new ScheduleException(date + " is already a blackout date for " + brand.name + ".");
        }
        BlackoutDate blackout = new BlackoutDate();
        blackout.brand = brand;
        blackout.day = date;
        blackout.reason = note;
        blackout.persist();
        audit.record(AuditAction.BLACKOUT_ADDED, AUDIT_SUBJECT, brand.id, brand.name).brand(brand.id)
                .comment(date + (note == null ? "" : ": " + note)).write();
        return blackout;
    }

    public BlackoutDate remove(long blackoutId) {
        BlackoutDate blackout = brands.findVisible(BlackoutDate.class, blackoutId, day -> day.brand);
        blackout.delete();
        audit.record(AuditAction.BLACKOUT_REMOVED, AUDIT_SUBJECT, blackout.brand.id, blackout.brand.name)
                .brand(blackout.brand.id)
                .comment(blackout.day.toString()).write();
        return blackout;
    }
}
