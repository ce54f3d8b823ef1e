import { registerEnumType } from 'type-graphql';

export enum SecurityEventType {
  SIGN_IN_SUCCEEDED = 'SIGN_IN_SUCCEEDED',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  CREDENTIAL_LOCKED = 'CREDENTIAL_LOCKED',
  CREDENTIAL_UNLOCKED = 'CREDENTIAL_UNLOCKED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  RECOVERY_CHANGED = 'RECOVERY_CHANGED',
  PASSWORD_RECOVERED = 'PASSWORD_RECOVERED',
  PASSWORD_RECOVERY_FAILED = 'PASSWORD_RECOVERY_FAILED',
  CREDENTIAL_REVOKED = 'CREDENTIAL_REVOKED',
  PROFILE_CHANGED = 'PROFILE_CHANGED',
  SIGNED_OUT = 'SIGNED_OUT',
  SIGNED_OUT_EVERYWHERE = 'SIGNED_OUT_EVERYWHERE',
  TERMS_DECLINED = 'TERMS_DECLINED',
}

registerEnumType(SecurityEventType, {
  name: 'SecurityEventType',
  description: 'What happened to a person’s credential or session (their security history).',
  valuesConfig: {
    SIGN_IN_SUCCEEDED: { description: 'Signed in.' },
    SIGN_IN_FAILED: { description: 'A sign-in attempt failed (wrong username or password).' },
    CREDENTIAL_LOCKED: { description: 'The credential was locked after too many failed attempts.' },
    CREDENTIAL_UNLOCKED: { description: 'An officer unlocked the credential.' },
    PASSWORD_CHANGED: { description: 'The password was changed.' },
    RECOVERY_CHANGED: { description: 'The password recovery information was changed.' },
    PASSWORD_RECOVERED: { description: 'A forgotten password was reset with the recovery information.' },
    PASSWORD_RECOVERY_FAILED: { description: 'An attempt to reset a forgotten password failed.' },
    CREDENTIAL_REVOKED: { description: 'The person revoked the credential; it can never sign in again.' },
    PROFILE_CHANGED: { description: 'The personal profile was changed.' },
    SIGNED_OUT: { description: 'Signed out of one session.' },
    SIGNED_OUT_EVERYWHERE: { description: 'Every session was ended.' },
    TERMS_DECLINED: { description: 'The terms of use were declined (which signs out).' },
  },
});
