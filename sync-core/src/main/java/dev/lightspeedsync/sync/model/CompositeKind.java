package dev.lightspeedsync.sync.model;

/**
 * Where a composite definition comes from (seeds 000 and 002).
 *
 * <p>Constants are immutable and safe to share between threads.
 */
public enum CompositeKind {
  /** Defined by the host (eCom has no composites: "tell us the composition of the combinations"). */
  HOST_DEFINED,
  /** An R-Series assembly, built from its components ("auto-assembled products"). */
  ASSEMBLY,
  /** An R-Series box: a pack of one component. */
  BOX
}
