package cn.kaoping.ranking.publication;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code kaoping.publication}: {@code pageCache} is the memory kept for rendered public ranking pages (0 turns the
 * cache off); the entries of published rankings are held separately (see {@link Snapshots}).
 */
@Validated
@ConfigurationProperties("kaoping.publication")
record PublicationSettings(@DefaultValue("32MB") @NotNull DataSize pageCache) {
}
