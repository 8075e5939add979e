package dev.lightspeedsync.sync.lightspeed.retail;

import dev.lightspeedsync.sync.lightspeed.SyncException;
import java.util.List;

/**
 * The payment type configured by name for order export ({@link RetailWriter.Builder#salePaymentType(String)})
 * names no active payment type of the account, or several. Thrown before any write; the message names
 * the payment types that exist, so the user can correct the setting or rename one in Lightspeed.
 */
public final class PaymentTypeException extends SyncException {
  private static final long serialVersionUID = 1L;

  private final String name;
  private final List<String> available;
  private final int matches;

  PaymentTypeException(String name, List<String> available, int matches, long accountId) {
    super(message(name, available, matches, accountId));
    this.name = name;
    this.available = List.copyOf(available);
    this.matches = matches;
  }

  private static String message(String name, List<String> available, int matches, long accountId) {
    String have = available.isEmpty() ? "none" : "'" + String.join("', '", available) + "'";
    if (matches == 0) {
      return "R-Series account " + accountId + " has no active payment type named '" + name + "'; its payment types: "
          + have;
    }
    return "R-Series account " + accountId + " has " + matches + " active payment types named '" + name
        + "', so none is chosen; rename all but one in Lightspeed or configure salePaymentTypeId. Its payment types: "
        + have;
  }

  /** The configured name. */
  public String name() {
    return name;
  }

  /** The names of the account's active (not archived) payment types, in Lightspeed's order. */
  public List<String> available() {
    return available;
  }

  /** Whether the name matched several payment types (rather than none). */
  public boolean ambiguous() {
    return matches > 1;
  }
}
