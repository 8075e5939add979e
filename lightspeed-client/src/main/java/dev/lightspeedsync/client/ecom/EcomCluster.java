package dev.lightspeedsync.client.ecom;

import java.util.Locale;

/**
 * The Lightspeed eCom clusters. A shop lives on one of them; apps are told which at install time
 * ({@code cluster_id}) and webhook calls carry it in {@code X-Cluster-Id}. For tests or a proxy,
 * pass any base URL to {@link EcomClient.Builder#baseUrl(String)} instead.
 */
public enum EcomCluster {
  /** Europe: {@code https://api.webshopapp.com/}. */
  EU1("eu1", "https://api.webshopapp.com/"),
  /** North America: {@code https://api.shoplightspeed.com/}. */
  US1("us1", "https://api.shoplightspeed.com/");

  private final String id;
  private final String baseUrl;

  EcomCluster(String id, String baseUrl) {
    this.id = id;
    this.baseUrl = baseUrl;
  }

  /** The cluster id as Lightspeed writes it, e.g. {@code eu1}. */
  public String id() {
    return id;
  }

  /** The API origin of the cluster. */
  public String baseUrl() {
    return baseUrl;
  }

  /**
   * The cluster for an id such as {@code eu1} or {@code US1}.
   *
   * @throws IllegalArgumentException for an unknown id
   */
  public static EcomCluster fromId(String id) {
    String v = id.trim().toLowerCase(Locale.ROOT);
    for (EcomCluster c : values()) {
      if (c.id.equals(v)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown eCom cluster '" + id + "'; known clusters are eu1 and us1");
  }
}
