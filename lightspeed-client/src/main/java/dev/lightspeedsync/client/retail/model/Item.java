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
 * An R-Series item: the stock-keeping unit. Its relations ({@link #itemShops()},
 * {@link #components()}, {@link #vendorNumbers()}) are filled only when loaded with
 * {@code load_relations}. {@link #prices()} needs no relation: Lightspeed returns the
 * {@code Prices} block in every Item body (the loadable relation is named {@code ItemPrices}, and
 * loading it only costs drips). Note that {@link #timeStamp()} does not move when stock changes:
 * read stock changes from the ItemShop feed.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
@JsonDeserialize(as = ImmutableItem.class)
public interface Item {
  @JsonProperty("itemID")
  long id();

  @JsonProperty("systemSku")
  Optional<String> systemSku();

  @JsonProperty("customSku")
  Optional<String> customSku();

  @JsonProperty("manufacturerSku")
  Optional<String> manufacturerSku();

  @JsonProperty("upc")
  Optional<String> upc();

  @JsonProperty("ean")
  Optional<String> ean();

  @JsonProperty("description")
  Optional<String> description();

  @JsonProperty("defaultCost")
  Optional<BigDecimal> defaultCost();

  @JsonProperty("archived")
  @Value.Default
  default boolean archived() {
    return false;
  }

  @JsonProperty("serialized")
  @Value.Default
  default boolean serialized() {
    return false;
  }

  @JsonProperty("publishToEcom")
  @Value.Default
  default boolean publishToEcom() {
    return false;
  }

  /** The raw wire value of the {@code itemType} field. */
  @JsonProperty("itemType")
  Optional<String> itemTypeRaw();

  @JsonProperty("categoryID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> categoryId();

  @JsonProperty("defaultVendorID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> defaultVendorId();

  @JsonProperty("manufacturerID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> manufacturerId();

  @JsonProperty("itemMatrixID")
  @JsonDeserialize(using = ForeignKeyDeserializer.class)
  Optional<Long> itemMatrixId();

  @JsonProperty("createTime")
  Optional<Instant> createTime();

  @JsonProperty("timeStamp")
  Optional<Instant> timeStamp();

  /** Empty unless the {@code ItemShops} relation was loaded. */
  @JsonProperty("ItemShops")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<ItemShop> itemShops();

  /**
   * The item's price per price level, from the {@code Prices} block Lightspeed includes in every
   * Item body; no relation has to be loaded for it.
   */
  @JsonProperty("Prices")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<ItemPrice> prices();

  /** Empty unless the {@code ItemComponents} relation was loaded. */
  @JsonProperty("ItemComponents")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<ItemComponent> components();

  /** Empty unless the {@code ItemVendorNums} relation was loaded. */
  @JsonProperty("ItemVendorNums")
  @JsonDeserialize(using = RelationListDeserializer.class)
  List<ItemVendorNum> vendorNumbers();

  /** The item type; {@link ItemType#UNKNOWN} for a value this SDK does not know (see {@link #itemTypeRaw()}). */
  default ItemType itemType() {
    return ItemType.fromWire(itemTypeRaw().orElse("default"));
  }

  /** The custom SKU, falling back to the manufacturer SKU: what most integrations link on. */
  default Optional<String> sku() {
    return customSku().filter(s -> !s.isBlank()).or(() -> manufacturerSku().filter(s -> !s.isBlank()));
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Item}, for example in tests of host code. */
  final class Builder extends ImmutableItem.Builder {}
}
