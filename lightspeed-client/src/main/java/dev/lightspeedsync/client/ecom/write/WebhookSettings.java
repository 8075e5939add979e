package dev.lightspeedsync.client.ecom.write;

import java.util.Locale;
import java.util.Set;
import org.immutables.value.Value;

/**
 * What a webhook listens to and where Lightspeed calls it: the input of
 * {@code EcomClient.createWebhook} and {@code EcomClient.updateWebhook}.
 *
 * <pre>{@code
 * WebhookSettings.builder().itemGroup("orders").itemAction("updated").address("https://example.com/hooks/ls").build();
 * }</pre>
 *
 * <p>The format defaults to {@code json} (the API's own default may be {@code xml}) and the webhook
 * to active. Immutable and thread-safe.
 */
@Value.Immutable
public interface WebhookSettings {
  /** The item groups Lightspeed is known to send. Others are accepted, in case Lightspeed adds some. */
  Set<String> KNOWN_ITEM_GROUPS = Set.of("customers", "orders", "invoices", "shipments", "products", "variants",
      "quotes", "reviews", "returns", "tickets", "subscriptions", "contacts");

  /** The record kind, e.g. {@code orders}, {@code products}, {@code variants}. */
  String itemGroup();

  /** {@code created}, {@code updated}, {@code deleted} or {@code *} for all. */
  String itemAction();

  /** The https URL Lightspeed calls. */
  String address();

  /** {@code json} (default) or {@code xml}. */
  @Value.Default
  default String format() {
    return "json";
  }

  @Value.Default
  default boolean active() {
    return true;
  }

  @Value.Check
  default void check() {
    if (!itemGroup().matches("[a-z_]+")) {
      throw new IllegalArgumentException("itemGroup must be a lower-case group such as 'orders' but was '"
          + itemGroup() + "'");
    }
    if (!itemAction().matches("[a-z_]+|\\*")) {
      throw new IllegalArgumentException("itemAction must be created, updated, deleted or * but was '"
          + itemAction() + "'");
    }
    String f = format().toLowerCase(Locale.ROOT);
    if (!f.equals("json") && !f.equals("xml")) {
      throw new IllegalArgumentException("format must be json or xml but was '" + format() + "'");
    }
    if (!address().startsWith("https://") && !address().startsWith("http://")) {
      throw new IllegalArgumentException("address must be an http(s) URL");
    }
  }

  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link WebhookSettings}. */
  final class Builder extends ImmutableWebhookSettings.Builder {}
}
