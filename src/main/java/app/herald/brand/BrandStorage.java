package app.herald.brand;

import java.util.Map;

/**
 * Bytes on disk each brand's media takes. The media feature implements it: it sits above brand, which must not
 * import it.
 */
public interface BrandStorage {

    /**
     * Per brand id: the bytes of the distinct videos, renditions and thumbnails its content uses (a file shared with
     * another brand counts for both). Brands without media are absent.
     */
    Map<Long, Long> bytesByBrand();
}
