package dev.lightspeedsync.sync.lightspeed.xseries;

import dev.lightspeedsync.client.error.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/** Reads of single X-Series records by id for the export writers (the lists have no id filter). */
final class LiveRecords {
  private LiveRecords() {}

  /** One {@code GET /{resource}/{id}} per id; missing and deleted records are left out. */
  static <T> Map<String, T> byId(List<String> ids, Function<String, T> get, Predicate<T> deleted) {
    Map<String, T> current = new LinkedHashMap<>();
    for (String id : ids) {
      try {
        T found = get.apply(id);
        if (!deleted.test(found)) {
          current.put(id, found);
        }
      } catch (NotFoundException e) {
        // missing: the export flow reports it
      }
    }
    return current;
  }
}
