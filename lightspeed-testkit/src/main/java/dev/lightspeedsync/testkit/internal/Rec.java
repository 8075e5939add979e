package dev.lightspeedsync.testkit.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One R-Series record: its primary key, its timeStamp (epoch seconds, the keyset sort key) and its
 * scalar fields exactly as they go on the wire (every scalar is a string).
 */
public final class Rec {
  public final long id;
  public final long ts;
  public final LinkedHashMap<String, String> fields;

  public Rec(long id, long ts, LinkedHashMap<String, String> fields) {
    this.id = id;
    this.ts = ts;
    this.fields = fields;
  }

  public String get(String field) {
    return fields.get(field);
  }

  public long getLong(String field) {
    String v = fields.get(field);
    return v == null || v.isEmpty() ? 0L : Long.parseLong(v);
  }

  public boolean getBool(String field) {
    return "true".equals(fields.get(field));
  }

  /** A copy with some fields replaced and a new timeStamp (the timeStamp field is rewritten too). */
  public Rec with(Map<String, String> changes, long newTs, String tsField) {
    LinkedHashMap<String, String> copy = new LinkedHashMap<>(fields);
    copy.putAll(changes);
    if (tsField != null && copy.containsKey(tsField)) {
      copy.put(tsField, Times.format(newTs));
    }
    return new Rec(id, newTs, copy);
  }
}
