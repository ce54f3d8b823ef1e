import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { SecurityEventType } from '../audit/security-event.types.js';
import { ViewerPayload, viewerOf } from '../users/viewer.type.js';
import { requireSession } from './session.guards.js';
import { acceptTerms, endAllSessions, endSession, idleExpiresAt } from './session.service.js';
import { SessionInfo, SignOutPayload } from './session.types.js';

@Resolver()
export class SessionResolver {
  @Query(() => SessionInfo, { nullable: true, description: 'The current session; null when not signed in.' })
  session(@Ctx() ctx: AppContext): SessionInfo | null {
    const active = ctx.session.current;
    // A bearer request has no session (and needs no CSRF token).
    if (!active || ctx.session.apiToken) return null;
    return {
      csrfToken: active.session.csrfToken,
      idleExpiresAt: idleExpiresAt(active.session, ctx.config),
      absoluteExpiresAt: active.session.absoluteExpiresAt,
    };
  }

  @Mutation(() => SignOutPayload, {
    description: 'Ends this session and forgets its cookie. signedOut is false when there was no session.',
  })
  async signOut(@Ctx() ctx: AppContext): Promise<SignOutPayload> {
    const active = ctx.session.current;
    if (active)
      await endSession(
        ctx.dataSource,
        ctx.config,
        active,
        SecurityEventType.SIGNED_OUT,
        ctx.client.ipAddress,
      );
    ctx.session.end();
    return { signedOut: active !== null, userErrors: [] };
  }

  @Mutation(() => SignOutPayload, {
    description: 'Ends every session of the person, this one included. UNAUTHENTICATED without a session.',
  })
  async signOutEverywhere(@Ctx() ctx: AppContext): Promise<SignOutPayload> {
    const { user } = requireSession(ctx);
    await endAllSessions(ctx.dataSource, ctx.config, user.id, ctx.client.ipAddress);
    ctx.session.end();
    return { signedOut: true, userErrors: [] };
  }

  @Mutation(() => ViewerPayload, {
    description:
      'The portal’s terms of use, asked at every sign-in: accept=true enters the portal for this session; accept=false signs out ("I do not accept") and answers viewer null. UNAUTHENTICATED without a session.',
  })
  async respondToTerms(
    @Arg('accept', () => Boolean, { description: 'True to accept the terms of use, false to decline them.' })
    accept: boolean,
    @Ctx() ctx: AppContext,
  ): Promise<ViewerPayload> {
    const active = requireSession(ctx);
    if (accept) {
      await acceptTerms(ctx.dataSource, ctx.config, active.session);
      return { viewer: viewerOf(active), userErrors: [] };
    }
    await endSession(
      ctx.dataSource,
      ctx.config,
      active,
      SecurityEventType.TERMS_DECLINED,
      ctx.client.ipAddress,
    );
    ctx.session.end();
    return { viewer: null, userErrors: [] };
  }
}
