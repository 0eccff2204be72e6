package app.herald.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** What a page cached with {@link ReadCache} may show: never a value read before a write of this instance. */
class ReadCacheTest {

    private final CommittedWrites writes = new CommittedWrites();
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void aValueIsReadOnceThenReusedUntilAWrite() {
        ReadCache<String, Integer> cache = new ReadCache<>(writes, Duration.ofMinutes(1));

        assertThat(cache.get("ann", key -> reads.incrementAndGet())).isEqualTo(1);
        assertThat(cache.get("ann", key -> reads.incrementAndGet())).isEqualTo(1);
        writes.advance();

        assertThat(cache.fresh("ann")).isEmpty();
        assertThat(cache.get("ann", key -> reads.incrementAndGet())).isEqualTo(2);
    }

    @Test
    void aValueReadWhileAWriteLandsIsNotKept() {
        ReadCache<String, Integer> cache = new ReadCache<>(writes, Duration.ofMinutes(1));

        cache.get("ann", key -> {
            writes.advance();
            return reads.incrementAndGet();
        });

        assertThat(cache.fresh("ann")).isEmpty();
    }

    @Test
    void entriesExpireAfterTheTtlEvenWithoutWrites() throws InterruptedException {
        ReadCache<String, Integer> cache = new ReadCache<>(writes, Duration.ofMillis(50));
        cache.get("ann", key -> reads.incrementAndGet());

        Thread.sleep(80);

        assertThat(cache.fresh("ann")).isEmpty();
    }

    @Test
    void concurrentMissesShareOneRead() throws Exception {
        ReadCache<String, Integer> cache = new ReadCache<>(writes, Duration.ofMinutes(1));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(() -> cache.load("ann", key -> {
                reading.countDown();
                await(release);
                return reads.incrementAndGet();
            }));
            assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
            Future<Integer> second = pool.submit(() -> cache.load("ann", key -> reads.incrementAndGet()));
            Thread.sleep(50);
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(reads).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissAfterAWriteDoesNotWaitForAnOlderRead() throws Exception {
        ReadCache<String, Integer> cache = new ReadCache<>(writes, Duration.ofMinutes(1));
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(1);
        try {
            Future<Integer> older = pool.submit(() -> cache.load("ann", key -> {
                reading.countDown();
                await(release);
                return -1;
            }));
            assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
            writes.advance();

            assertThat(cache.load("ann", key -> 7)).isEqualTo(7);
            release.countDown();
            assertThat(older.get(5, TimeUnit.SECONDS)).isEqualTo(-1);
            assertThat(cache.fresh("ann")).contains(7);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
