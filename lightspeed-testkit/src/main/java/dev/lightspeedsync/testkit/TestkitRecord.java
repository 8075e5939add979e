package dev.lightspeedsync.testkit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A read-only snapshot of one record of the fake data (ground truth), with the scalar fields as the
 * API would print them: for R-Series every value is a string ({@code "qoh" -> "-3"}); for eCom,
 * numbers and booleans are given in their JSON text form and relations are left out; for X-Series,
 * numbers and booleans in JSON text form, nulls left out, arrays and objects as JSON text.
 *
 * <p>Immutable and thread-safe.
 */
public final class TestkitRecord {
  private final String resource;
  private final long id;
  private final String key;
  private final Map<String, String> fields;

  /** For the testkit's internals; hosts get records from {@link RetailData} and {@link EcomData}. */
  public TestkitRecord(String resource, long id, Map<String, String> fields) {
    this(resource, id, Long.toString(id), fields);
  }

  /** For the testkit's internals; {@code key} is the id as the API prints it (an X-Series UUID). */
  public TestkitRecord(String resource, long id, String key, Map<String, String> fields) {
    this.resource = Objects.requireNonNull(resource, "resource == null");
    this.id = id;
    this.key = Objects.requireNonNull(key, "key == null");
    this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }

  /** The resource name, e.g. {@code Item}, {@code ItemShop}, {@code products}. */
  public String resource() {
    return resource;
  }

  /** The numeric id (R-Series, eCom), or for X-Series the record's internal ordinal (1, 2, ...). */
  public long id() {
    return id;
  }

  /**
   * The id as the API prints it: the number for R-Series and eCom, the UUID for X-Series (for an
   * X-Series consignment product, {@code <consignment_id>/<product_id>}).
   */
  public String key() {
    return key;
  }

  /** All public scalar fields in API order. */
  public Map<String, String> fields() {
    return fields;
  }

  public Optional<String> get(String field) {
    return Optional.ofNullable(fields.get(Objects.requireNonNull(field, "field == null")));
  }

  /** The field's value; throws {@link IllegalArgumentException} when the record has no such field. */
  public String require(String field) {
    String v = fields.get(Objects.requireNonNull(field, "field == null"));
    if (v == null) {
      throw new IllegalArgumentException(resource + " has no field " + field);
    }
    return v;
  }

  public long getLong(String field) {
    String v = require(field);
    return v.isEmpty() ? 0 : Long.parseLong(v);
  }

  public BigDecimal getDecimal(String field) {
    String v = require(field);
    return v.isEmpty() ? BigDecimal.ZERO : new BigDecimal(v);
  }

  public boolean getBoolean(String field) {
    return "true".equals(require(field));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TestkitRecord r && r.resource.equals(resource) && r.id == id && r.key.equals(key)
        && r.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(resource, id, fields);
  }

  @Override
  public String toString() {
    return resource + "#" + key + fields;
  }
}
