import { GcdsButton, GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionQuery, useSignOutMutation } from '../../generated/graphql';
import { focusWhenReady, shadowControl } from '../../lib/focus';
import { type SessionClock, sessionClock } from '../../lib/session-clock';
import { useLeaveSession } from '../../lib/session';

/** Canada.ca session timeout convention: warn 3 minutes before the session ends. */
export const inactivityWarningMs = 3 * 60 * 1000;
const tickMs = 1000;

interface InactivityDialogProps {
  /** The time source; tests drive it with fake timers. */
  now?: () => number;
  clock?: SessionClock;
}

function countdown(remainingMs: number): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.ceil(remainingMs / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

/**
 * Warns a signed-in person that the session is about to end for inactivity, with a countdown, "Stay
 * signed in" (any request pushes the server's idle timeout back; asking for the session also says
 * when it now ends) and "Sign out". When the time is up, the person lands on the sign-in page with
 * a message. A native modal <dialog>: it traps focus, Escape means "stay signed in", and focus
 * returns where it was when it closes.
 */
export function InactivityDialog({ now = Date.now, clock = sessionClock }: InactivityDialogProps) {
  const { t } = useTranslation('common');
  const { data, refetch } = useSessionQuery();
  const [signOut] = useSignOutMutation();
  const leaveSession = useLeaveSession();
  const session = data?.session;
  const observed = useSyncExternalStore(clock.subscribe, () => clock.deadline());

  // The session's own answer is the floor; responses since then (seen by the clock) push it back.
  const deadline = session
    ? Math.min(
        Math.max(Date.parse(session.idleExpiresAt), observed ?? 0),
        Date.parse(session.absoluteExpiresAt),
      )
    : undefined;

  const [currentTime, setCurrentTime] = useState(now);
  useEffect(() => {
    if (deadline === undefined) return;
    // The first tick, at most a second away, corrects a time read long before the session began.
    const timer = setInterval(() => setCurrentTime(now()), tickMs);
    return () => clearInterval(timer);
  }, [deadline, now]);

  const remaining = deadline === undefined ? Infinity : deadline - currentTime;
  const warning = remaining <= inactivityWarningMs && remaining > 0;
  const expired = remaining <= 0;

  const dialog = useRef<HTMLDialogElement>(null);
  const stayButton = useRef<HTMLGcdsButtonElement>(null);
  const returnFocus = useRef<Element | null>(null);
  const leaving = useRef(false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (warning && !element.open) {
      returnFocus.current = document.activeElement;
      element.showModal();
      return focusWhenReady(() => shadowControl(stayButton.current));
    } else if (!warning && element.open) {
      element.close();
      if (returnFocus.current instanceof HTMLElement) returnFocus.current.focus();
    }
    return undefined;
  }, [warning]);

  useEffect(() => {
    if (!expired || leaving.current) return;
    leaving.current = true;
    // The estimate errs on the early side: end the session for sure, so the sign-in page does not
    // show someone still signed in. It may already be over, so a refusal is fine.
    void signOut()
      .catch(() => undefined)
      .then(() => leaveSession('sign-in', 'sessionEnded'))
      .finally(() => {
        leaving.current = false;
      });
  }, [expired, leaveSession, signOut]);

  const staySignedIn = useCallback(() => {
    // A failed or cut-short refetch leaves the countdown running, which is the truth.
    refetch().catch(() => undefined);
  }, [refetch]);

  const signOutNow = useCallback(async () => {
    try {
      await signOut();
    } finally {
      // Signed out or not (the session may have just ended), the person asked to leave.
      await leaveSession('landing', 'signedOut');
    }
  }, [signOut, leaveSession]);

  const { minutes, seconds } = countdown(remaining);
  return (
    <dialog
      ref={dialog}
      className="inactivity-dialog"
      aria-labelledby="inactivity-dialog-title"
      aria-describedby="inactivity-dialog-body"
      onCancel={(event) => {
        event.preventDefault();
        staySignedIn();
      }}
    >
      {warning ? (
        <>
          <GcdsHeading tag="h2" id="inactivity-dialog-title" marginTop="0">
            {t('session.warning.title')}
          </GcdsHeading>
          <GcdsText id="inactivity-dialog-body">{t('session.warning.body')}</GcdsText>
          <GcdsText>
            <span aria-hidden="true" className="inactivity-dialog__countdown">
              {t('session.warning.countdown', {
                minutes,
                seconds: String(seconds).padStart(2, '0'),
              })}
            </span>
            {/* Read out once a minute, not every second. */}
            <span className="visually-hidden" role="status">
              {t('session.warning.remaining', { minutes: Math.max(1, Math.ceil(remaining / 60_000)) })}
            </span>
          </GcdsText>
          <div className="button-group">
            <GcdsButton ref={stayButton} type="button" onClick={staySignedIn}>
              {t('session.warning.stay')}
            </GcdsButton>
            <GcdsButton type="button" buttonRole="secondary" onClick={() => void signOutNow()}>
              {t('session.warning.signOut')}
            </GcdsButton>
          </div>
        </>
      ) : null}
    </dialog>
  );
}
