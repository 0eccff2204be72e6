package app.herald.content.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.herald.brand.BrandStorage;

/** The storage each brand's media takes: its distinct media files (sizes from their rows) and thumbnails (from disk). */
@ApplicationScoped
public class MediaUsage implements BrandStorage {

    @Inject
    MediaStorage storage;

    @Override
    public Map<Long, Long> bytesByBrand() {
        Map<Long, Long> bytes = new HashMap<>();
        // UNION (not UNION ALL): a file used twice by one brand (item and rendition, two items) counts once for it.
        @SuppressWarnings("unchecked")
        List<Object[]> files = MediaFile.getEntityManager().createNativeQuery("""
                SELECT used.brand_id, SUM(f.size_bytes) FROM (
                    SELECT c.brand_id, c.media_id AS media_id FROM content_item c WHERE c.media_id IS NOT NULL
                    UNION SELECT c.brand_id, r.source_media_id FROM media_rendition r JOIN content_item c ON c.id = r.content_id
                    UNION SELECT c.brand_id, r.result_media_id FROM media_rendition r JOIN content_item c ON c.id = r.content_id
                        WHERE r.result_media_id IS NOT NULL
                ) used JOIN media_file f ON f.id = used.media_id GROUP BY used.brand_id""").getResultList();
        for (Object[] row : files) {
            bytes.merge(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), Long::sum);
        }
        List<Object[]> thumbnails = MediaRendition.getEntityManager().createQuery("select c.brand.id, r.thumbnailName"
                + " from MediaRendition r, ContentItem c where c.id = r.contentId and r.thumbnailName is not null",
                Object[].class).getResultList();
        for (Object[] row : thumbnails) {
            bytes.merge((Long) row[0], sizeOf(storage.resolve((String) row[1])), Long::sum);
        }
        return bytes;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
