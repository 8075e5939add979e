package dev.lightspeedsync.client.retail.query;

/** Which records a query returns with respect to archiving ({@code archived=false|true|only}). */
public enum Archived {
  /** Only records that are not archived (Lightspeed's default). */
  EXCLUDE("false"),
  /** Archived and not archived records. */
  INCLUDE("true"),
  /** Only archived records. */
  ONLY("only");

  private final String wire;

  Archived(String wire) {
    this.wire = wire;
  }

  public String wireValue() {
    return wire;
  }
}
