/**
 * How an interaction ended, for the one log line it gets, on either transport (gateway or HTTP). One list, so
 * `npm run misses` and anyone reading the logs see the same words from both.
 */
export type Outcome =
  | "answered"
  | "no-match"
  | "invalid-button"
  | "unknown-command"
  | "invalid-input"
  | "unsupported"
  | "cooldown"
  | "shutting-down"
  | "scoreboard-unavailable"
  | "duplicate"
  | "late"
  | "error";
