package dev.lightspeedsync.sync.spi;

import org.jspecify.annotations.Nullable;

/**
 * One walk over one endpoint of a platform, page by page: for example "Item with ItemShops", "the
 * ItemShop feed" or "voided sales re-check". The engine calls {@link #read} once per page, stores
 * the page through the rules and saves the page's checkpoint with it, then asks for the next
 * cursor. A pass holds no state between calls: everything it needs to continue is in the cursor.
 */
public interface ReadPass {
  /** A short name for reports and checkpoints, unique within its plan, e.g. {@code items+ItemShops}. */
  String name();

  /**
   * Reads one page.
   *
   * @param since where the read starts: empty for a full read; otherwise the stream's bookmark, less
   *     the engine's overlap for time bookmarks
   * @param cursor the cursor of the page to read, {@code null} for the first page
   * @throws SourceRateLimitedException when the next request may only be sent later
   */
  PassPage read(ReadStart since, @Nullable String cursor);

  /**
   * Whether this pass re-reads records to correct what is stored (a voided-sales re-check): the
   * engine then replaces only records the sink already holds and adds none. Default {@code false}.
   */
  default boolean revisit() {
    return false;
  }
}
