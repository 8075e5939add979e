package dev.lightspeedsync.sync.spi;

/**
 * A source of records for one stream, read page by page from a checkpoint position (sync-lightspeed
 * implements it over the Lightspeed clients). Reading after the same position twice must return the
 * same records or newer versions of them, so a runner can resume after a crash without losing
 * records. Implementations document their own thread-safety.
 *
 * @param <T> the record type, for example {@code Sku} or {@code SalesOrder}
 */
public interface SyncSource<T> {
  /** The first page: a full sync starts here. */
  SourcePage<T> first();

  /** The page after {@code position} (a {@link Checkpoint#position()}): an incremental sync. */
  SourcePage<T> after(String position);
}
