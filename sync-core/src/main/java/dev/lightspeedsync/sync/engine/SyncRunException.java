package dev.lightspeedsync.sync.engine;

/**
 * A sync that cannot run or cannot go on: another run of the account holds its lock, or the
 * settings do not match the account (a location code that does not exist). The message says what
 * is wrong and how to fix it. Data already written stays consistent: a run fails between pages.
 */
public class SyncRunException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the run failed. */
  public enum Reason {
    /** Another run of the same account holds the run lock. */
    ALREADY_RUNNING,
    /** The sync settings do not match the account. */
    SETTINGS,
    /** The connector does not keep its contract (a bug in the connector). */
    CONNECTOR
  }

  private final Reason reason;
  private final String accountKey;

  public SyncRunException(Reason reason, String accountKey, String message) {
    super(message);
    this.reason = reason;
    this.accountKey = accountKey;
  }

  public Reason reason() {
    return reason;
  }

  /** The account the run was for, e.g. {@code retail:12345}. */
  public String accountKey() {
    return accountKey;
  }
}
