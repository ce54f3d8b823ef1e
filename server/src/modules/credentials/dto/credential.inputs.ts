import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'The recovery questions of a credential (seed 003 §1.5).' })
export class RecoveryInput {
  @Field(() => ID, { description: 'One of `recoveryQuestions`.' })
  questionId: string;

  @Field(() => String, {
    description:
      'The answer to the chosen question: 3 to 50 letters (accented ones too), digits and spaces; compared ignoring case and extra spaces.',
  })
  answer: string;

  @Field(() => String, {
    description:
      'The name of a person the user will remember, with the same rules as the answer; asked back to reset a forgotten password.',
  })
  memorablePerson: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Optional hint shown with the memorable person question: 3 to 100 letters (accented ones too), digits, spaces and only the punctuation ' , - . ?",
  })
  memorablePersonHint?: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD, a real date in the past.' })
  memorableDate: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Optional hint shown with the memorable date question, with the same rules as memorablePersonHint.',
  })
  memorableDateHint?: string | null;
}

@InputType({
  description:
    'A new local (GCKey-style) credential: username, password and recovery questions (seed 003 §1.3-1.5).',
})
export class RegisterLocalCredentialInput {
  @Field(() => Boolean, { description: 'Must be true: the person accepts the terms and conditions.' })
  acceptTerms: boolean;

  @Field(() => String, {
    description: '8 to 16 ASCII letters and digits, at most 7 of them digits; unique, ignoring case.',
  })
  username: string;

  @Field(() => String, {
    description:
      '8 to 16 characters of letters, digits and !#$%&()*+,-./:;=?@[]^_{}~, with upper and lower case and a digit; not a common password nor sharing 3 characters in a row with the username.',
  })
  password: string;

  @Field(() => String, { description: 'The password again; must be identical.' })
  passwordConfirmation: string;

  @Field(() => RecoveryInput, {
    description:
      'The recovery question, memorable person and memorable date used to reset a forgotten password.',
  })
  recovery: RecoveryInput;
}

@InputType({ description: 'Sign in with a local credential.' })
export class SignInInput {
  @Field(() => String, { description: 'The username, in any case.' })
  username: string;

  @Field(() => String, {
    description:
      'The password. Consecutive failures lock the username for a while (LOCKOUT_THRESHOLD, LOCKOUT_MINUTES).',
  })
  password: string;
}

@InputType({ description: 'The signed-in person changes the password of their local credential.' })
export class ChangePasswordInput {
  @Field(() => String, { description: 'The password in use now; a wrong one counts toward the lockout.' })
  currentPassword: string;

  @Field(() => String, { description: 'The new password, with the same rules as at registration.' })
  newPassword: string;

  @Field(() => String, { description: 'The new password again; must be identical.' })
  newPasswordConfirmation: string;
}

@InputType({ description: 'The signed-in person replaces their recovery questions.' })
export class ChangeRecoveryInput {
  @Field(() => String, {
    description:
      'The password in use now, to confirm it is the person; a wrong one counts toward the lockout.',
  })
  currentPassword: string;

  @Field(() => RecoveryInput, {
    description: 'The new recovery question, memorable person and memorable date.',
  })
  recovery: RecoveryInput;
}

@InputType({
  description:
    'The signed-in person revokes their own credential: every session ends and it cannot sign in again.',
})
export class RevokeCredentialInput {
  @Field(() => String, { nullable: true, description: 'Required for LOCAL credentials.' })
  currentPassword?: string | null;
}

@InputType({
  description:
    'Reset a forgotten password by answering the recovery questions (see passwordRecoveryChallenge).',
})
export class ResetForgottenPasswordInput {
  @Field(() => String, { description: 'The username whose password is forgotten.' })
  username: string;

  @Field(() => String, { description: 'The answer to the recovery question.' })
  answer: string;

  @Field(() => String, { description: 'The memorable person given at registration.' })
  memorablePerson: string;

  @Field(() => String, { description: 'The memorable date given at registration, YYYY-MM-DD.' })
  memorableDate: string;

  @Field(() => String, { description: 'The new password, with the same rules as at registration.' })
  newPassword: string;

  @Field(() => String, { description: 'The new password again; must be identical.' })
  newPasswordConfirmation: string;
}
