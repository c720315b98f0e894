package cn.kaoping.voting.internal;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The vote behind an owners' link, cached for a few seconds: a link shared in a WeChat group is opened by many owners
 * at once. Whether the vote takes a ballot is decided in the casting transaction, never from this copy; a close on
 * this instance drops it at once, another instance's copy is at most five seconds old.
 */
@Component
class VoteLinks {

    private static final long CACHE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final Votes votes;
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    VoteLinks(Votes votes) {
        this.votes = votes;
    }

    private record Cached(Optional<Votes.Stored> vote, long loadedAt) {
    }

    Optional<Votes.Stored> find(String linkKey) {
        if (linkKey == null || linkKey.length() > 64) {
            return Optional.empty();
        }
        long now = System.nanoTime();
        Cached cached = cache.get(linkKey);
        if (cached != null && now - cached.loadedAt() < CACHE_NANOS) {
            return cached.vote();
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        Optional<Votes.Stored> loaded = votes.byLink(linkKey).flatMap(votes::find);
        cache.put(linkKey, new Cached(loaded, now));
        return loaded;
    }

    void forget(String linkKey) {
        if (linkKey != null) {
            cache.remove(linkKey);
        }
    }
}
