import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireTermsAccepted } from '../sessions/session.guards.js';
import { businessLoaders } from './business-loaders.js';
import { businessNode } from './business-view.service.js';
import { type BusinessRegistration } from './businesses.entities.js';
import {
  AnswerRegistrationQuestionsInput,
  type BusinessRegistrationNode,
  BusinessRegistrationPayload,
  RegistrationQuestionKind,
  StartBusinessRegistrationInput,
  ValidateBusinessInput,
} from './businesses.types.js';
import {
  answerRegistrationQuestions,
  attemptsRemaining,
  lockStateOf,
  type RegistrationResult,
  startBusinessRegistration,
  validateBusiness,
} from './registration.service.js';

/** The API view of a registration (the attestation in the caller's language). */
export async function registrationNode(
  ctx: AppContext,
  registration: BusinessRegistration,
): Promise<BusinessRegistrationNode> {
  const { failedAttempts } = await lockStateOf(ctx.dataSource, registration.registryBusinessId);
  const loaders = businessLoaders(ctx);
  const business = registration.businessId ? await loaders.business.load(registration.businessId) : null;
  return {
    id: registration.id,
    businessNumber: registration.businessNumber,
    programAccountReference: registration.programAccountReference,
    attestationName: ctx.t('businesses.attestation', { name: registration.attestedByName }),
    step: registration.step,
    questions: [
      { kind: RegistrationQuestionKind.TRANSACTION_TOTAL, transactionNumber: registration.transactionNumber },
      { kind: RegistrationQuestionKind.LATEST_PAYMENT, transactionNumber: null },
      ...(registration.asksStatementBalance
        ? [{ kind: RegistrationQuestionKind.STATEMENT_BALANCE, transactionNumber: null }]
        : []),
    ],
    attemptsRemaining: attemptsRemaining(failedAttempts),
    business: business ? await businessNode(loaders, business) : null,
  };
}

async function toPayload(ctx: AppContext, result: RegistrationResult): Promise<BusinessRegistrationPayload> {
  return {
    registration: result.registration ? await registrationNode(ctx, result.registration) : null,
    userErrors: toUserErrors(result.problems, ctx.t),
  };
}

@Resolver()
export class RegistrationResolver {
  @Mutation(() => BusinessRegistrationPayload, {
    description:
      'Step 1 of registering a business: BN9, importer program account reference (RM + 4 digits) and the attestation.',
  })
  async startBusinessRegistration(
    @Arg('input', () => StartBusinessRegistrationInput, { description: 'The business number to register.' })
    input: StartBusinessRegistrationInput,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessRegistrationPayload> {
    const { user } = requireTermsAccepted(ctx);
    return toPayload(ctx, await startBusinessRegistration(ctx.dataSource, ctx.config, user.id, input));
  }

  @Mutation(() => BusinessRegistrationPayload, {
    description: 'Step 2: the legal name and one address on record, matched exactly.',
  })
  async validateBusiness(
    @Arg('input', () => ValidateBusinessInput, {
      description: 'The legal name and address to match against the registry.',
    })
    input: ValidateBusinessInput,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessRegistrationPayload> {
    const { user } = requireTermsAccepted(ctx);
    return toPayload(ctx, await validateBusiness(ctx.dataSource, ctx.config, user.id, input));
  }

  @Mutation(() => BusinessRegistrationPayload, {
    description: 'Step 3: 2 or 3 questions about the account’s financial records; registers the business.',
  })
  async answerRegistrationQuestions(
    @Arg('input', () => AnswerRegistrationQuestionsInput, {
      description: 'The answers to the questions asked.',
    })
    input: AnswerRegistrationQuestionsInput,
    @Ctx() ctx: AppContext,
  ): Promise<BusinessRegistrationPayload> {
    const { user } = requireTermsAccepted(ctx);
    return toPayload(ctx, await answerRegistrationQuestions(ctx.dataSource, ctx.config, user.id, input));
  }
}
