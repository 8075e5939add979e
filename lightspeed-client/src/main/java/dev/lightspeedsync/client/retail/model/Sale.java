package dev.lightspeedsync.client.retail.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.lightspeedsync.client.internal.SdkStyle;
import dev.lightspeedsync.client.internal.json.ForeignKeyDeserializer;
import dev.lightspeedsync.client.internal.json.RelationListDeserializer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A sale. R-Series has no status field: a sale is completed ({@link #completed()}), open ("in progress": neither completed nor voided) or voided; see {@link #state()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableSale.class)
public interface Sale {
  @JsonProperty("saleID")
  long id();

  @JsonProperty("completed")
  @Value.Default
  default boolean completed() {
    return false;
  }

  @JsonProperty("voided")
  @Value.Default
  default boolean voided() {
    return false;
  }

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("referenceNumber")
  Optional<String> referenceNumber();

  @JsonProperty("referenceNumberSource")
  Optional<String> referenceNumberSource();

  @JsonProperty("ticketNumber")
  Optional<String> ticketNumber();

  /** Subtotal minus discount plus taxes; on an open sale, what a completing payment must cover. */
  @JsonProperty("total")
  Optional<BigDecimal> total();

  /**
   * Lightspeed's calculated total, with more than two decimals (for example {@code 51.73875});
   * {@link #total()} is the rounded amount payments must match.
   */
  @JsonProperty("calcTotal")
  Optional<BigDecimal> calcTotal();

  /** The amount still due. */
  @JsonProperty("totalDue")
  Optional<BigDecimal> totalDue();

  @JsonProperty("balance")
  Optional<BigDecimal> balance();

  @JsonProperty("calcSubtotal")
  Optional<BigDecimal> calcSubtotal();

  @JsonProperty("calcPayments")
  Optional<BigDecimal> calcPayments();

  @JsonProperty("customerID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> customerId();

  @JsonProperty("employeeID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> employeeId();

  @JsonProperty("registerID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> registerId();

  @JsonProperty("shopID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> shopId();

  @JsonProperty("createTime")
  Optional<Instant> createTime();

  @JsonProperty("updatetime")
  Optional<Instant> updateTime();

  @JsonProperty("completeTime")
  Optional<Instant> completeTime();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  /** Empty unless the {@code SaleLines} relation was loaded. */
  @JsonProperty("SaleLines")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<SaleLine> lines();

  /** Empty unless the {@code SalePayments} relation was loaded. */
  @JsonProperty("SalePayments")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<SalePayment> payments();

  /** Completed, open or voided. */
  default SaleState state() {
    if (voided()) {
      return SaleState.VOIDED;
    }
    return completed() ? SaleState.COMPLETED : SaleState.OPEN;
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Sale}, for example in tests of host code. */
  final class Builder extends ImmutableSale.Builder {}
}
