import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireSession } from '../sessions/session.guards.js';
import { SignOutPayload } from '../sessions/session.types.js';
import { ViewerPayload, viewerOf } from '../users/viewer.type.js';
import {
  changePassword,
  changeRecovery,
  isUsernameAvailable,
  passwordRecoveryChallenge,
  registerLocalCredential,
  resetForgottenPassword,
  revokeCredential,
  signInLocal,
} from './credentials.service.js';
import {
  ChangePasswordInput,
  ChangeRecoveryInput,
  RegisterLocalCredentialInput,
  ResetForgottenPasswordInput,
  RevokeCredentialInput,
  SignInInput,
} from './dto/credential.inputs.js';
import { RECOVERY_QUESTIONS, recoveryQuestionText } from './recovery-questions.js';
import { RecoveryChallenge, RecoveryQuestion } from './recovery.types.js';

@Resolver()
export class CredentialsResolver {
  @Query(() => [RecoveryQuestion], {
    description: 'The recovery questions to choose from, in the caller’s language.',
  })
  recoveryQuestions(@Ctx() { lang }: AppContext): RecoveryQuestion[] {
    return RECOVERY_QUESTIONS.map((question) => ({ id: question.id, text: question.text[lang] }));
  }

  @Query(() => Boolean, {
    description:
      'Whether a username can be registered (format valid and not taken). Throttled per address: THROTTLED with extensions.retryAt.',
  })
  usernameAvailable(
    @Arg('username', () => String, { description: 'The username to check.' }) username: string,
    @Ctx() ctx: AppContext,
  ): Promise<boolean> {
    return isUsernameAvailable(ctx.dataSource, ctx.config, username, ctx.client);
  }

  @Query(() => RecoveryChallenge, {
    description:
      'The recovery question and hints for a username. Unknown usernames get a plausible question and no hints, so the answer never tells whether a username exists. Throttled per address.',
  })
  async passwordRecoveryChallenge(
    @Arg('username', () => String, {
      description: 'The username of the credential whose password was forgotten.',
    })
    username: string,
    @Ctx() ctx: AppContext,
  ): Promise<RecoveryChallenge> {
    const challenge = await passwordRecoveryChallenge(ctx.dataSource, ctx.config, username, ctx.client);
    return {
      question: { id: challenge.questionId, text: recoveryQuestionText(challenge.questionId, ctx.lang) },
      memorablePersonHint: challenge.memorablePersonHint,
      memorableDateHint: challenge.memorableDateHint,
    };
  }

  @Mutation(() => ViewerPayload, {
    description: 'Creates the credential and signs in (sets the session cookie).',
  })
  async registerLocalCredential(
    @Arg('input', () => RegisterLocalCredentialInput, {
      description: 'The acceptance of the terms, the username, the password and the recovery information.',
    })
    input: RegisterLocalCredentialInput,
    @Ctx() ctx: AppContext,
  ): Promise<ViewerPayload> {
    const result = await registerLocalCredential(
      ctx.dataSource,
      ctx.config,
      input,
      ctx.client,
      ctx.session.token,
    );
    if (!result.ok) return { viewer: null, userErrors: toUserErrors(result.problems, ctx.t) };
    ctx.session.begin(result.value);
    return { viewer: viewerOf(result.value), userErrors: [] };
  }

  @Mutation(() => ViewerPayload, {
    description:
      'Sets the session cookie. Wrong username or password: one generic INVALID_CREDENTIALS error whether or not the username exists. LOCKED and THROTTLED codes say when to retry.',
  })
  async signIn(
    @Arg('input', () => SignInInput, { description: 'The username and password.' }) input: SignInInput,
    @Ctx() ctx: AppContext,
  ): Promise<ViewerPayload> {
    const result = await signInLocal(ctx.dataSource, ctx.config, input, ctx.client, ctx.session.token);
    if (!result.ok) return { viewer: null, userErrors: toUserErrors(result.problems, ctx.t) };
    ctx.session.begin(result.value);
    return { viewer: viewerOf(result.value), userErrors: [] };
  }

  @Mutation(() => ViewerPayload, {
    description:
      'Changes the password (the current one is checked; a wrong one counts toward the lockout). Ends the person’s other sessions. Available before the portal’s terms of use are accepted: it is a credential function of the welcome page, shown before the terms (seed §2.1).',
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'The current and the new password.' })
    input: ChangePasswordInput,
    @Ctx() ctx: AppContext,
  ): Promise<ViewerPayload> {
    const active = requireSession(ctx);
    const result = await changePassword(ctx.dataSource, ctx.config, active, input, ctx.client);
    return result.ok
      ? { viewer: viewerOf(active), userErrors: [] }
      : { viewer: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @Mutation(() => ViewerPayload, {
    description:
      'Replaces the recovery questions (the current password is checked). Available before the portal’s terms of use are accepted, like changePassword.',
  })
  async changeRecovery(
    @Arg('input', () => ChangeRecoveryInput, {
      description: 'The current password and the new recovery information.',
    })
    input: ChangeRecoveryInput,
    @Ctx() ctx: AppContext,
  ): Promise<ViewerPayload> {
    const active = requireSession(ctx);
    const result = await changeRecovery(ctx.dataSource, ctx.config, active, input, ctx.client);
    return result.ok
      ? { viewer: viewerOf(active), userErrors: [] }
      : { viewer: null, userErrors: toUserErrors(result.problems, ctx.t) };
  }

  @Mutation(() => SignOutPayload, {
    description: 'Ends every session; the username can never sign in again.',
  })
  async revokeCredential(
    @Arg('input', () => RevokeCredentialInput, {
      description: 'The current password, confirming the revocation.',
    })
    input: RevokeCredentialInput,
    @Ctx() ctx: AppContext,
  ): Promise<SignOutPayload> {
    const active = requireSession(ctx);
    const result = await revokeCredential(ctx.dataSource, ctx.config, active, input, ctx.client);
    if (!result.ok) return { signedOut: false, userErrors: toUserErrors(result.problems, ctx.t) };
    ctx.session.end();
    return { signedOut: true, userErrors: [] };
  }

  @Mutation(() => SignOutPayload, {
    description:
      'Sets a new password after correct recovery answers; failures count toward the lockout. Does not sign in; signedOut says every session of the person was ended.',
  })
  async resetForgottenPassword(
    @Arg('input', () => ResetForgottenPasswordInput, {
      description: 'The username, the recovery answers and the new password.',
    })
    input: ResetForgottenPasswordInput,
    @Ctx() ctx: AppContext,
  ): Promise<SignOutPayload> {
    const result = await resetForgottenPassword(ctx.dataSource, ctx.config, input, ctx.client);
    if (!result.ok) return { signedOut: false, userErrors: toUserErrors(result.problems, ctx.t) };
    // The reset ended every session of that person: if this browser was one of them, forget its cookie.
    if (ctx.session.current?.user.id === result.value.userId) ctx.session.end();
    return { signedOut: true, userErrors: [] };
  }
}
