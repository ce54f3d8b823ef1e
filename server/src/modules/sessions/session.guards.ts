import { type AppContext } from '../../app/context.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { PersonRole } from '../users/user.types.js';
import { type ActiveSession } from './session.service.js';

/** The signed-in session; throws UNAUTHENTICATED when there is none. */
export function requireSession(ctx: AppContext): ActiveSession {
  const active = ctx.session.current;
  if (!active) throw new AppError(ErrorCode.UNAUTHENTICATED, 'errors.unauthenticated');
  return active;
}

/**
 * The signed-in session whose terms of use were accepted: the portal is entered only after "Accept". Throws
 * UNAUTHENTICATED, or FORBIDDEN with extensions.reason TERMS_NOT_ACCEPTED.
 */
export function requireTermsAccepted(ctx: AppContext): ActiveSession {
  const active = requireSession(ctx);
  if (!active.session.termsAcceptedAt)
    throw new AppError(ErrorCode.FORBIDDEN, 'errors.termsNotAccepted', {}, { reason: 'TERMS_NOT_ACCEPTED' });
  return active;
}

/** An agency officer's session, terms accepted. Throws UNAUTHENTICATED or FORBIDDEN. */
export function requireOfficer(ctx: AppContext): ActiveSession {
  const active = requireSession(ctx);
  if (active.user.role !== PersonRole.OFFICER) throw new AppError(ErrorCode.FORBIDDEN, 'errors.forbidden');
  return requireTermsAccepted(ctx);
}
