/**
 * The server records activity on a session at most once a minute, so a request can leave its idle
 * timeout where it was: estimates stay this much on the early side.
 */
export const serverTouchIntervalMs = 60_000;

/**
 * When the session ends, as far as the portal can tell. The server pushes the idle timeout back on
 * requests made with the session cookie, but only the `session` query says when it ends: so the
 * Apollo link (createSessionActivityLink) notes the time of every response and the idle window the
 * last `session` answer implied. The deadline is the later of that answer's `idleExpiresAt` and the
 * last response plus the window (less the server's touch interval), never past the absolute end.
 */
export class SessionClock {
  private lastResponseAt: number | undefined;
  private idleWindowMs: number | undefined;
  private sessionIdleEndAt: number | undefined;
  private absoluteEndAt: number | undefined;
  private readonly listeners = new Set<() => void>();
  private snapshot: number | undefined;

  constructor(private readonly now: () => number = Date.now) {}

  /** Any answer from the server, signed in or not: the server counts it as activity. */
  noteResponse(): void {
    this.lastResponseAt = this.now();
    this.publish();
  }

  /** What the `session` query answered; null when no one is signed in. */
  noteSession(session: { idleExpiresAt: string; absoluteExpiresAt: string } | null): void {
    const at = this.now();
    this.lastResponseAt = at;
    if (!session) {
      this.idleWindowMs = undefined;
      this.sessionIdleEndAt = undefined;
      this.absoluteEndAt = undefined;
    } else {
      this.sessionIdleEndAt = Date.parse(session.idleExpiresAt);
      this.idleWindowMs = Math.max(0, this.sessionIdleEndAt - at);
      this.absoluteEndAt = Date.parse(session.absoluteExpiresAt);
    }
    this.publish();
  }

  /** Epoch milliseconds at which the session ends without further activity; undefined when signed out. */
  deadline(): number | undefined {
    return this.snapshot;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private publish(): void {
    const { lastResponseAt, idleWindowMs, sessionIdleEndAt, absoluteEndAt } = this;
    const next =
      lastResponseAt === undefined ||
      idleWindowMs === undefined ||
      sessionIdleEndAt === undefined ||
      absoluteEndAt === undefined
        ? undefined
        : Math.min(
            Math.max(sessionIdleEndAt, lastResponseAt + idleWindowMs - serverTouchIntervalMs),
            absoluteEndAt,
          );
    if (next === this.snapshot) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}

/** The clock of the app's one Apollo client. */
export const sessionClock = new SessionClock();
