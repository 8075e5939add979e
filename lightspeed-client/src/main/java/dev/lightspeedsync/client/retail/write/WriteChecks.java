package dev.lightspeedsync.client.retail.write;

import dev.lightspeedsync.client.retail.model.ContactEmail;
import dev.lightspeedsync.client.retail.model.ContactPhone;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Validation shared by the write types. */
final class WriteChecks {
  private WriteChecks() {}

  /** One email per use type and one phone per use type, as Lightspeed stores them. */
  static void contact(List<ContactEmail> emails, List<ContactPhone> phones) {
    Set<String> seen = new HashSet<>();
    for (ContactEmail e : emails) {
      if (e.address().isBlank()) {
        throw new IllegalArgumentException("an email address is blank");
      }
      String type = e.useType().orElse("Primary").toLowerCase(Locale.ROOT);
      if (!Set.of("primary", "secondary").contains(type)) {
        throw new IllegalArgumentException("email useType must be Primary or Secondary but was " + e.useType().orElse(""));
      }
      if (!seen.add("email:" + type)) {
        throw new IllegalArgumentException("two " + type + " emails: a contact has at most one of each use type");
      }
    }
    for (ContactPhone p : phones) {
      String type = p.useType().orElse("Home").toLowerCase(Locale.ROOT);
      if (!Set.of("home", "work", "mobile", "pager", "fax").contains(type)) {
        throw new IllegalArgumentException("phone useType must be Home, Work, Mobile, Pager or Fax but was "
            + p.useType().orElse(""));
      }
      if (!seen.add("phone:" + type)) {
        throw new IllegalArgumentException("two " + type + " phones: a contact has at most one of each use type");
      }
    }
  }

  /** UPC and EAN are 11 to 14 digits (or empty, to clear them); cost is not negative. */
  static void codes(Optional<String> upc, Optional<String> ean, Optional<BigDecimal> cost, Optional<Long> vendor) {
    upc.filter(u -> !u.isEmpty() && !u.matches("\\d{11,14}")).ifPresent(u -> {
      throw new IllegalArgumentException("upc must be 11 to 14 digits but was '" + u + "'");
    });
    ean.filter(e -> !e.isEmpty() && !e.matches("\\d{11,14}")).ifPresent(e -> {
      throw new IllegalArgumentException("ean must be 11 to 14 digits but was '" + e + "'");
    });
    cost.filter(c -> c.signum() < 0).ifPresent(c -> {
      throw new IllegalArgumentException("defaultCost cannot be negative but was " + c.toPlainString());
    });
    vendor.filter(v -> v < 0).ifPresent(v -> {
      throw new IllegalArgumentException("defaultVendorId cannot be negative but was " + v);
    });
  }
}
