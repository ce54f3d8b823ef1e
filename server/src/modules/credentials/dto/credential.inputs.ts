import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The recovery questions of a credential (seed 003 §1.5).' })
export class RecoveryInput {
  @Field(() => ID, { description: 'One of `recoveryQuestions`.' })
  questionId: string;

  @Field(() => String)
  answer: string;

  @Field(() => String)
  memorablePerson: string;

  @Field(() => String, { nullable: true })
  memorablePersonHint?: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD, a real date in the past.' })
  memorableDate: string;

  @Field(() => String, { nullable: true })
  memorableDateHint?: string | null;
}

@InputType()
export class RegisterLocalCredentialInput {
  @Field(() => Boolean, { description: 'Must be true: the person accepts the terms and conditions.' })
  acceptTerms: boolean;

  @Field(() => String)
  username: string;

  @Field(() => String)
  password: string;

  @Field(() => String)
  passwordConfirmation: string;

  @Field(() => RecoveryInput)
  recovery: RecoveryInput;
}

@InputType()
export class SignInInput {
  @Field(() => String)
  username: string;

  @Field(() => String)
  password: string;
}

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword: string;

  @Field(() => String)
  newPassword: string;

  @Field(() => String)
  newPasswordConfirmation: string;
}

@InputType()
export class ChangeRecoveryInput {
  @Field(() => String)
  currentPassword: string;

  @Field(() => RecoveryInput)
  recovery: RecoveryInput;
}

@InputType()
export class RevokeCredentialInput {
  @Field(() => String, { nullable: true, description: 'Required for LOCAL credentials.' })
  currentPassword?: string | null;
}

@InputType()
export class ResetForgottenPasswordInput {
  @Field(() => String)
  username: string;

  @Field(() => String)
  answer: string;

  @Field(() => String)
  memorablePerson: string;

  @Field(() => String)
  memorableDate: string;

  @Field(() => String)
  newPassword: string;

  @Field(() => String)
  newPasswordConfirmation: string;
}
