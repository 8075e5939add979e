package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.sync.lightspeed.WriteAction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Report helpers of the export writers. */
public final class Reports {
  private Reports() {}

  /** The actions ordered as their keys come in the input (stable; unknown keys last). */
  public static List<WriteAction> inInputOrder(List<WriteAction> actions, List<String> keys) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.putIfAbsent(keys.get(i), i);
    }
    List<WriteAction> sorted = new ArrayList<>(actions);
    sorted.sort(Comparator.comparingInt(a -> index.getOrDefault(a.key(), Integer.MAX_VALUE)));
    return sorted;
  }
}
