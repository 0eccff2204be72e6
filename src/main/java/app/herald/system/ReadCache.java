package app.herald.system;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/**
 * Values read from the database, reused until this instance writes anything ({@link CommittedWrites}) or until
 * {@code ttl} has passed, which bounds how long a change made by another instance goes unseen. Concurrent misses
 * for one key share a single read. Inject one per use: {@code @Inject ReadCache<String, Long> unread;}.
 */
@Dependent
public class ReadCache<K, V> {

    private record Entry<V>(V value, long generation, long readAt) {
    }

    private record Reading<V>(CompletableFuture<V> result, long generation) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<K, Reading<V>> readings = new ConcurrentHashMap<>();
    private final CommittedWrites writes;
    private final Duration ttl;

    /** One cache per injection point, with {@code herald.cache-ttl}. */
    @Inject
    public ReadCache(CommittedWrites writes, HeraldConfig config) {
        this(writes, config.cacheTtl());
    }

    ReadCache(CommittedWrites writes, Duration ttl) {
        this.writes = writes;
        this.ttl = ttl;
    }

    /** The value for {@code key} if it is still current; never reads the database (safe on an I/O thread). */
    public Optional<V> fresh(K key) {
        Entry<V> entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.generation() != writes.generation() || System.nanoTime() - entry.readAt() >= ttl.toNanos()) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry.value());
    }

    /** The current value for {@code key}, read with {@code loader} (which may block) when there is none. */
    public V get(K key, Function<K, V> loader) {
        return fresh(key).orElseGet(() -> load(key, loader));
    }

    /**
     * Reads {@code key} now (or waits for a read of it already running since the last write) and keeps the value;
     * a null value is returned but not kept.
     */
    public V load(K key, Function<K, V> loader) {
        // Taken before reading: a write that lands while reading makes the entry stale at once.
        long generation = writes.generation();
        Reading<V> mine = new Reading<>(new CompletableFuture<>(), generation);
        Reading<V> running = readings.merge(key, mine,
                (current, offered) -> current.generation() == offered.generation() ? current : offered);
        if (running != mine) {
            return await(running.result());
        }
        try {
            long readAt = System.nanoTime();
            V value = loader.apply(key);
            if (value != null && !ttl.isZero() && !ttl.isNegative()) {
                // A slower read of an older generation never replaces a newer one.
                entries.merge(key, new Entry<>(value, generation, readAt),
                        (kept, read) -> kept.generation() > read.generation() ? kept : read);
            } else {
                entries.remove(key);
            }
            mine.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            readings.remove(key, mine);
        }
    }

    private static <V> V await(CompletableFuture<V> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }
}
