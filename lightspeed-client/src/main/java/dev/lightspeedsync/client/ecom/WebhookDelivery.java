package dev.lightspeedsync.client.ecom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lightspeedsync.client.ecom.model.Order;
import dev.lightspeedsync.client.ecom.model.Product;
import dev.lightspeedsync.client.ecom.model.Shipment;
import dev.lightspeedsync.client.ecom.model.Variant;
import dev.lightspeedsync.client.error.DecodingException;
import dev.lightspeedsync.client.internal.ecom.EcomJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One call Lightspeed eCom made to a webhook address, parsed from its headers
 * ({@code X-Shop-Id}, {@code X-Cluster-Id}, {@code X-Event: orders/updated}, {@code X-Language},
 * {@code X-Format}) and JSON body (the record in its singular envelope, e.g.
 * {@code {"order":{...}}}, with related records embedded).
 *
 * <pre>{@code
 * WebhookDelivery d = WebhookDelivery.parse(requestHeaders, requestBody);
 * if (d.itemGroup().equals("orders")) d.order().ifPresent(queue::add);
 * }</pre>
 *
 * <p>Answer the call with HTTP 200 quickly and do the work asynchronously. Parsing needs no client.
 * Immutable and thread-safe.
 */
public final class WebhookDelivery {
  private final long shopId;
  private final @Nullable String clusterId;
  private final String itemGroup;
  private final String itemAction;
  private final @Nullable String language;
  private final @Nullable String format;
  private final @Nullable String signature;
  private final String body;
  private final @Nullable Long resourceId;
  private final @Nullable Order order;
  private final @Nullable Product product;
  private final @Nullable Variant variant;
  private final @Nullable Shipment shipment;

  private WebhookDelivery(long shopId, @Nullable String clusterId, String itemGroup, String itemAction,
      @Nullable String language, @Nullable String format, @Nullable String signature, String body,
      @Nullable Long resourceId, @Nullable Order order, @Nullable Product product, @Nullable Variant variant,
      @Nullable Shipment shipment) {
    this.shopId = shopId;
    this.clusterId = clusterId;
    this.itemGroup = itemGroup;
    this.itemAction = itemAction;
    this.language = language;
    this.format = format;
    this.signature = signature;
    this.body = body;
    this.resourceId = resourceId;
    this.order = order;
    this.product = product;
    this.variant = variant;
    this.shipment = shipment;
  }

  /**
   * Parses a delivery.
   *
   * @param headers the request headers (names in any case; the first value of each)
   * @param body the raw request body
   * @throws IllegalArgumentException when {@code X-Event} or {@code X-Shop-Id} is missing or
   *     malformed: the request did not come from Lightspeed eCom
   * @throws DecodingException when a JSON body cannot be read as the record it announces
   */
  public static WebhookDelivery parse(Map<String, String> headers, String body) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(body, "body == null");
    String event = header(headers, "X-Event");
    if (event == null || !event.matches("[a-z_]+/([a-z_]+|\\*)")) {
      throw new IllegalArgumentException("not a Lightspeed eCom webhook delivery: X-Event is "
          + (event == null ? "missing" : "'" + event + "', expected itemGroup/itemAction such as orders/updated"));
    }
    String shop = header(headers, "X-Shop-Id");
    long shopId;
    try {
      shopId = Long.parseLong(Objects.requireNonNull(shop, "X-Shop-Id").trim());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("not a Lightspeed eCom webhook delivery: X-Shop-Id is "
          + (shop == null ? "missing" : "not a number"));
    }
    int slash = event.indexOf('/');
    String group = event.substring(0, slash);
    String action = event.substring(slash + 1);
    String format = header(headers, "X-Format");
    Long resourceId = null;
    Order order = null;
    Product product = null;
    Variant variant = null;
    Shipment shipment = null;
    boolean json = format == null || format.equalsIgnoreCase("json");
    if (json && !body.isBlank()) {
      ObjectMapper mapper = EcomJson.mapper();
      JsonNode root;
      try {
        root = mapper.readTree(body);
      } catch (Exception e) {
        throw new DecodingException("the webhook body of " + event + " is not JSON", 0, null, null, false, e);
      }
      String key = singular(group);
      JsonNode record = root == null ? null : root.get(key);
      if (record != null && record.isObject()) {
        JsonNode id = record.get("id");
        if (id != null && id.canConvertToLong() && id.asLong() > 0) {
          resourceId = id.asLong();
        }
        try {
          switch (group) {
            case "orders":
              order = mapper.treeToValue(record, Order.class);
              break;
            case "products":
              product = mapper.treeToValue(record, Product.class);
              break;
            case "variants":
              variant = mapper.treeToValue(record, Variant.class);
              break;
            case "shipments":
              shipment = mapper.treeToValue(record, Shipment.class);
              break;
            default:
              break; // other groups: raw body only
          }
        } catch (Exception e) {
          String m = String.valueOf(e.getMessage());
          int nl = m.indexOf('\n');
          throw new DecodingException("the webhook body of " + event + " could not be read as " + key + ": "
              + (nl > 0 ? m.substring(0, nl) : m), 0, null, null, false, e);
        }
      }
    }
    return new WebhookDelivery(shopId, header(headers, "X-Cluster-Id"), group, action, header(headers, "X-Language"),
        format, header(headers, "X-Signature"), body, resourceId, order, product, variant, shipment);
  }

  private static String singular(String group) {
    switch (group) {
      case "addresses":
        return "address";
      case "categories":
        return "category";
      case "subscriptions":
        return "subscription";
      default:
        return group.endsWith("s") ? group.substring(0, group.length() - 1) : group;
    }
  }

  private static @Nullable String header(Map<String, String> headers, String name) {
    for (Map.Entry<String, String> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isBlank()) {
        return e.getValue().trim();
      }
    }
    return null;
  }

  /** The shop that sent the call ({@code X-Shop-Id}). */
  public long shopId() {
    return shopId;
  }

  /** The raw cluster id ({@code X-Cluster-Id}, e.g. {@code eu1}). */
  public Optional<String> clusterId() {
    return Optional.ofNullable(clusterId);
  }

  /** The cluster, when {@code X-Cluster-Id} names a known one. */
  public Optional<EcomCluster> cluster() {
    if (clusterId == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(EcomCluster.fromId(clusterId));
    } catch (IllegalArgumentException unknown) {
      return Optional.empty();
    }
  }

  /** {@code X-Event} as sent, e.g. {@code orders/updated}. */
  public String event() {
    return itemGroup + "/" + itemAction;
  }

  /** The record kind, e.g. {@code orders}, {@code products}, {@code variants}. */
  public String itemGroup() {
    return itemGroup;
  }

  /** What happened: {@code created}, {@code updated}, {@code deleted} (or other actions Lightspeed adds). */
  public String itemAction() {
    return itemAction;
  }

  /** True for {@code deleted} events: the body may not describe the record any more. */
  public boolean isDeletion() {
    return itemAction.toLowerCase(Locale.ROOT).equals("deleted");
  }

  /** The language of the payload ({@code X-Language}). */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** {@code json} or {@code xml} ({@code X-Format}); only JSON bodies are parsed into records. */
  public Optional<String> format() {
    return Optional.ofNullable(format);
  }

  /** The id of the record in the body, when there is one. */
  public Optional<Long> resourceId() {
    return Optional.ofNullable(resourceId);
  }

  /** The order, for {@code orders/*} events with a JSON body. */
  public Optional<Order> order() {
    return Optional.ofNullable(order);
  }

  /** The product, for {@code products/*} events with a JSON body. */
  public Optional<Product> product() {
    return Optional.ofNullable(product);
  }

  /** The variant, for {@code variants/*} events with a JSON body. */
  public Optional<Variant> variant() {
    return Optional.ofNullable(variant);
  }

  /** The shipment, for {@code shipments/*} events with a JSON body. */
  public Optional<Shipment> shipment() {
    return Optional.ofNullable(shipment);
  }

  /** The raw body, for item groups without a typed accessor. */
  public String body() {
    return body;
  }

  /**
   * Whether {@code X-Signature} equals {@code md5(raw body + appSecret)}, the scheme app-store apps
   * report for eCom (community-documented, not in Lightspeed's reference; shop-created keys may send
   * no signature). False when the header is missing. Compares in constant time.
   *
   * <p>This checks the body as decoded by {@link #parse}; a receiver should check the bytes it
   * received with {@link #signatureMatches(Map, byte[], String)} before parsing them.
   */
  public boolean signatureMatches(String appSecret) {
    Objects.requireNonNull(appSecret, "appSecret == null");
    return matches(signature, body.getBytes(StandardCharsets.UTF_8), appSecret);
  }

  /**
   * Whether a request's {@code X-Signature} header equals {@code md5(raw body + appSecret)}, checked
   * on the bytes exactly as received and before anything of the body is decoded: a receiver calls
   * this first and answers 401 without parsing when it is false. False when the header is missing.
   * Compares in constant time.
   *
   * @param headers the request headers (names in any case; the first value of each)
   * @param rawBody the request body, byte for byte as received
   * @param appSecret the shop's API secret
   */
  public static boolean signatureMatches(Map<String, String> headers, byte[] rawBody, String appSecret) {
    Objects.requireNonNull(headers, "headers == null");
    Objects.requireNonNull(rawBody, "rawBody == null");
    Objects.requireNonNull(appSecret, "appSecret == null");
    return matches(header(headers, "X-Signature"), rawBody, appSecret);
  }

  private static boolean matches(@Nullable String signature, byte[] rawBody, String appSecret) {
    if (signature == null) {
      return false;
    }
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(rawBody);
      byte[] digest = md5.digest(appSecret.getBytes(StandardCharsets.UTF_8));
      byte[] expected = HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
      byte[] actual = signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
      return MessageDigest.isEqual(expected, actual);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookDelivery{event=" + event() + ", shopId=" + shopId + ", clusterId=" + clusterId
        + ", resourceId=" + resourceId + "}";
  }
}
