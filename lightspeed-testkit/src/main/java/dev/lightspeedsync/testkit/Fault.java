package dev.lightspeedsync.testkit;

/** The kinds of failure the server can inject; see {@link FaultPlan}. */
public enum Fault {
  /** Answer 500, 502 or 503 without doing anything. */
  SERVER_ERROR,
  /** Close the connection without sending a response. */
  DROP_CONNECTION,
  /** Send the headers with the full Content-Length and half the body, then close the connection. */
  TRUNCATED_BODY,
  /** Answer normally after {@link FaultPlan#latency()} of real time. */
  LATENCY,
  /** For POST/PUT/DELETE: apply the write, then answer 500 (a retry must not apply it twice). */
  APPLY_THEN_500
}
