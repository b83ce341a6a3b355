package io.github.netlink4j.examples.probe;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@link KernelProbe} found for one feature.
 *
 * @param feature   the feature tried
 * @param supported whether the kernel accepted every request and behaved as the gateway needs
 * @param detail    when not supported: the kernel's refusal (errno, extended-ACK text and the request,
 *                  as the equivalent {@code ip}/{@code nft} command) or a one-line reason for the
 *                  missing behaviour; empty when supported
 */
public record ProbeResult(ProbeFeature feature, boolean supported, Optional<String> detail) {
    public ProbeResult {
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(detail, "detail");
        if (supported && detail.isPresent()) {
            throw new IllegalArgumentException("a supported feature has no detail, got: " + detail.get());
        }
        if (!supported && detail.filter(d -> !d.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("an unsupported feature needs a detail saying why (" + feature + ")");
        }
    }

    /** {@code feature} works. */
    public static ProbeResult yes(ProbeFeature feature) {
        return new ProbeResult(feature, true, Optional.empty());
    }

    /** {@code feature} does not work, because of {@code why}. */
    public static ProbeResult no(ProbeFeature feature, String why) {
        return new ProbeResult(feature, false, Optional.of(why));
    }

    @Override
    public String toString() {
        return feature + ": " + (supported ? "yes" : "no — " + detail.orElse(""));
    }
}
