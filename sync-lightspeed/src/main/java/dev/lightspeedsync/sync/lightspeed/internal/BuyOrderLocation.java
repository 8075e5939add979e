package dev.lightspeedsync.sync.lightspeed.internal;

import dev.lightspeedsync.sync.SyncSettings;
import dev.lightspeedsync.sync.lightspeed.SyncException;
import dev.lightspeedsync.sync.model.Location;
import dev.lightspeedsync.sync.rules.LocationCodeError;
import dev.lightspeedsync.sync.rules.LocationConfig;
import dev.lightspeedsync.sync.rules.LocationRule;
import dev.lightspeedsync.sync.rules.LocationSelection;
import java.util.List;
import java.util.stream.Collectors;

/** Where buy orders go, for every platform: the default location of the settings among the account's locations. */
public final class BuyOrderLocation {
  private BuyOrderLocation() {}

  /**
   * The location named by {@code SyncSettings.location().defaultLocationCode()}, matched exactly and
   * case-sensitively ({@code LocationRule}).
   *
   * @throws SyncException without a location setting, or when no location has that name (naming the
   *     near match); nothing has been sent then
   */
  public static Location resolve(SyncSettings settings, List<Location> locations) {
    LocationConfig config = settings.location().orElseThrow(() -> new SyncException(
        "buy orders need SyncSettings.location: its default location code is where buy orders go"));
    LocationSelection selection = LocationRule.select(config, locations);
    return selection.buyOrderLocation().orElseThrow(() -> new SyncException(
        "buy orders cannot be exported, nothing was sent: " + selection.errors().stream()
            .filter(e -> e.field().equals("defaultLocationCode")).map(LocationCodeError::message)
            .collect(Collectors.joining("; "))));
  }
}
