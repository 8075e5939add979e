package dev.lightspeedsync.client.internal.retail;

import java.math.BigDecimal;
import okhttp3.Headers;
import org.jspecify.annotations.Nullable;

/**
 * The R-Series rate-limit headers of one response, parsed leniently: any header may be missing or
 * malformed, in which case its fields are null. Pure.
 *
 * @param bucketLevel drips in the bucket ({@code X-LS-API-Bucket-Level}, before the slash)
 * @param bucketSize bucket capacity (after the slash)
 * @param dripRate drips drained per second ({@code X-LS-API-Drip-Rate})
 * @param requestCost what this request cost ({@code X-LS-API-Request-Cost})
 * @param burstLevel requests in the current second ({@code X-LS-API-Burst-Level}, before the slash)
 * @param burstLimit requests allowed per second (after the slash)
 */
public record BucketHeaders(
    @Nullable BigDecimal bucketLevel,
    @Nullable BigDecimal bucketSize,
    @Nullable BigDecimal dripRate,
    @Nullable BigDecimal requestCost,
    @Nullable BigDecimal burstLevel,
    @Nullable BigDecimal burstLimit) {

  public static BucketHeaders parse(Headers headers) {
    BigDecimal[] bucket = pair(headers.get("X-LS-API-Bucket-Level"));
    BigDecimal[] burst = pair(headers.get("X-LS-API-Burst-Level"));
    return new BucketHeaders(
        bucket[0], bucket[1],
        positive(decimal(headers.get("X-LS-API-Drip-Rate"))),
        decimal(headers.get("X-LS-API-Request-Cost")),
        burst[0], burst[1]);
  }

  private static BigDecimal[] pair(@Nullable String value) {
    BigDecimal[] out = new BigDecimal[2];
    if (value == null) {
      return out;
    }
    int slash = value.indexOf('/');
    if (slash < 0) {
      return out;
    }
    BigDecimal level = decimal(value.substring(0, slash));
    BigDecimal size = positive(decimal(value.substring(slash + 1)));
    if (level != null && size != null && level.signum() >= 0) {
      out[0] = level;
      out[1] = size;
    }
    return out;
  }

  private static @Nullable BigDecimal positive(@Nullable BigDecimal v) {
    return v != null && v.signum() > 0 ? v : null;
  }

  private static @Nullable BigDecimal decimal(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
