package app.herald.system;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * Values read from the database, reused until this instance writes anything ({@link CommittedWrites}) or until
 * {@code ttl} has passed, which bounds how long a change made by another instance goes unseen.
 */
public final class ReadCache<K, V> {

    private record Entry<V>(V value, long generation, long readAt) {
    }

    private final ConcurrentMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final CommittedWrites writes;
    private final Duration ttl;

    public ReadCache(CommittedWrites writes, Duration ttl) {
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

    /** Reads {@code key} now and keeps the value; a null value is returned but not kept. */
    public V load(K key, Function<K, V> loader) {
        // Taken before reading: a write that lands while reading makes the entry stale at once.
        long generation = writes.generation();
        long readAt = System.nanoTime();
        V value = loader.apply(key);
        if (value != null && !ttl.isZero() && !ttl.isNegative()) {
            entries.put(key, new Entry<>(value, generation, readAt));
        } else {
            entries.remove(key);
        }
        return value;
    }
}
