import { apiMessages } from './api-messages.js';
import { exportsMessages } from './exports-messages.js';
import { claimsMessagesEn, claimsMessagesFr } from './claims-messages.js';
import { financeMessagesEn, financeMessagesFr } from './finance-messages.js';
import { type Language } from './language.js';
import { messagingMessages } from './messages-messaging.js';
import { rulingsMessages } from './messages-rulings.js';
import { webhookMessages } from './webhook-messages.js';

/**
 * Server-side messages: error and user-error texts the API returns in the caller's language. Keys are
 * stable; `{name}` placeholders are filled by `translate`. A spec checks both languages have the same keys
 * and placeholders.
 */
export const messages = {
  en: {
    ...apiMessages.en,
    ...exportsMessages.en,
    ...rulingsMessages.en,
    ...webhookMessages.en,
    ...messagingMessages.en,
    'errors.internal': 'Something went wrong on our side. Try again later.',
    'errors.serviceUnavailable': 'The service is unavailable for a moment. Try again in a few seconds.',
    'errors.payloadTooLarge': 'The request is too large.',
    'errors.controlCharacters':
      'Remove the control characters (such as NUL or Escape) from the text: only letters, digits, punctuation, tabs and line breaks are accepted.',
    'errors.forbidden': 'You do not have access to this information.',
    'errors.accessDenied.BUSINESS_IDENTITY': 'You do not have access to this business.',
    'errors.accessDenied.BUSINESS_PROFILE': "You do not have access to this business's profile.",
    'errors.accessDenied.PROGRAM_PROFILE': "You do not have access to this program account's profile.",
    'errors.accessDenied.PROGRAM_LIST': "You do not have access to this business's list of program accounts.",
    'errors.accessDenied.FINANCIAL_SECURITY':
      'You do not have access to this financial security information.',
    'errors.accessDenied.REQUESTS_AND_TRANSACTIONS':
      'You do not have access to these requests and transactions.',
    'errors.accessDenied.PAD': 'You do not have access to pre-authorized debit agreements.',
    'errors.accessDenied.COLLECTIONS_NOTICES':
      'You do not have access to notices about collections and payment arrangements.',
    'errors.accessDenied.NOTICES': 'You do not have access to these notices.',
    'errors.accessDenied.ACCESS_MANAGEMENT':
      "You do not have access to this business's access requests and employees' access.",
    'errors.accessDenied.RELATIONSHIP_MANAGEMENT': "You do not have access to this business's relationships.",
    'errors.accessDenied.MESSAGES': 'You do not have access to these messages.',
    'errors.accessDenied.CORRESPONDENCE': 'You do not have access to this correspondence.',
    'errors.unauthenticated': 'Sign in to continue.',
    'errors.notFound': 'We could not find what you asked for.',
    'errors.badRequest': 'The request is not valid.',
    'validation.required': 'Enter a value for {field}.',
    'validation.tooLong': '{field} must be at most {max} characters.',
    'validation.format': '{field} is not in the right format.',
    'errors.termsNotAccepted': 'Accept the terms of use to continue.',
    'errors.csrfTokenInvalid': 'Your page is out of date. Reload it and try again.',
    'errors.throttled': 'Too many attempts from your network. Try again in {minutes} min.',
    'errors.tooManyStreams': 'Too many live connections are open for you. Close a tab and try again.',
    'errors.credentialRevoked': 'This credential was revoked and can no longer be used.',
    'identity.INVALID_CREDENTIALS': 'The username or password is not correct.',
    'identity.LOCKED': 'Too many failed attempts: this credential is locked. Try again in {minutes} min.',
    'identity.THROTTLED': 'Too many attempts from your network. Try again in {minutes} min.',
    'identity.CREDENTIAL_REVOKED': 'This credential was revoked and can no longer be used.',
    'identity.RECOVERY_FAILED': 'We could not confirm your identity with these answers.',
    'identity.NOT_LOCAL_CREDENTIAL':
      'You sign in with a sign-in partner: there is no password to change here.',
    'identity.NOT_FOUND': 'No person has this identifier.',
    'identity.username.REQUIRED': 'Enter a username.',
    'identity.username.TOO_SHORT': 'Your username must have at least {min} characters.',
    'identity.username.TOO_LONG': 'Your username must have at most {max} characters.',
    'identity.username.INVALID_CHARACTERS':
      'Your username can only have letters (A to Z, no accents) and digits.',
    'identity.username.TOO_MANY_DIGITS': 'Your username can have at most {maxDigits} digits.',
    'identity.username.USERNAME_TAKEN': 'This username is not available. Choose another one.',
    'identity.password.REQUIRED': 'Enter a password.',
    'identity.password.TOO_SHORT': 'Your password must have at least {min} characters.',
    'identity.password.TOO_LONG': 'Your password must have at most {max} characters.',
    'identity.password.MISSING_UPPERCASE': 'Your password needs at least one uppercase letter.',
    'identity.password.MISSING_LOWERCASE': 'Your password needs at least one lowercase letter.',
    'identity.password.MISSING_DIGIT': 'Your password needs at least one digit.',
    'identity.password.INVALID_CHARACTERS':
      'Your password can only have letters (A to Z, no accents), digits and these characters: {punctuation}',
    'identity.password.SHARES_USERNAME':
      'Your password cannot contain 3 characters in a row from your username.',
    'identity.password.COMMON_PASSWORD': 'This password is too common. Choose one that is harder to guess.',
    'identity.passwordConfirmation.REQUIRED': 'Enter your password again to confirm it.',
    'identity.passwordConfirmation.MISMATCH': 'The two passwords are not the same.',
    'identity.currentPassword.REQUIRED': 'Enter your current password.',
    'identity.currentPassword.WRONG_PASSWORD': 'Your current password is not correct.',
    'identity.question.REQUIRED': 'Choose a recovery question.',
    'identity.answer.REQUIRED': 'Enter the answer to your recovery question.',
    'identity.answer.TOO_SHORT': 'Your answer must have at least {min} characters.',
    'identity.answer.TOO_LONG': 'Your answer must have at most {max} characters.',
    'identity.answer.INVALID_CHARACTERS': 'Your answer can only have letters, digits and spaces.',
    'identity.memorablePerson.REQUIRED': 'Enter a memorable person.',
    'identity.memorablePerson.TOO_SHORT': 'The memorable person must have at least {min} characters.',
    'identity.memorablePerson.TOO_LONG': 'The memorable person must have at most {max} characters.',
    'identity.memorablePerson.INVALID_CHARACTERS':
      'The memorable person can only have letters, digits and spaces.',
    'identity.hint.TOO_SHORT': 'A hint must have at least {min} characters.',
    'identity.hint.TOO_LONG': 'A hint must have at most {max} characters.',
    'identity.hint.INVALID_CHARACTERS':
      "A hint can only have letters, digits, spaces and these characters: ' , - . ?",
    'identity.memorableDate.REQUIRED': 'Enter a memorable date.',
    'identity.memorableDate.INVALID_DATE':
      'Enter a real date in the format YYYY-MM-DD, for example 1985-07-14.',
    'identity.memorableDate.FUTURE_DATE': 'The memorable date must be in the past.',
    'identity.acceptTerms.TERMS_NOT_ACCEPTED': 'You must accept the terms and conditions to continue.',
    'identity.firstName.REQUIRED': 'Enter your first name.',
    'identity.firstName.TOO_LONG': 'Your first name must have at most {max} characters.',
    'identity.firstName.INVALID_CHARACTERS':
      'Your first name can only have letters, spaces, apostrophes, hyphens and periods.',
    'identity.lastName.REQUIRED': 'Enter your last name.',
    'identity.lastName.TOO_LONG': 'Your last name must have at most {max} characters.',
    'identity.lastName.INVALID_CHARACTERS':
      'Your last name can only have letters, spaces, apostrophes, hyphens and periods.',
    'identity.phone.REQUIRED': 'Enter a telephone number with its area code.',
    'identity.phone.INVALID_PHONE':
      'Enter a North American telephone number with its area code, for example 613-555-0101.',
    'identity.phoneExtension.TOO_LONG': 'The extension can have at most {max} digits.',
    'identity.phoneExtension.INVALID_CHARACTERS': 'The extension can only have digits.',
    'identity.email.REQUIRED': 'Enter your email address.',
    'identity.email.TOO_LONG': 'Your email address must have at most {max} characters.',
    'identity.email.INVALID_EMAIL': 'Enter an email address in the format name@example.com.',
    'identity.emailConfirmation.REQUIRED': 'Enter your email address again to confirm it.',
    'identity.emailConfirmation.MISMATCH': 'The two email addresses are not the same.',
    'identity.acceptNoticeTerms.TERMS_NOT_ACCEPTED':
      'You must accept the terms of notice emails to continue.',
    'businesses.attestation':
      'I, {name}, attest that I am authorized to act on behalf of the business to conduct business with the agency.',
    'businesses.PROFILE_REQUIRED': 'Create your personal profile before linking a business.',
    'businesses.businessNumber.INVALID_FORMAT':
      'Enter the business number as 9 digits, for example 123456789.',
    'businesses.programAccountReference.INVALID_FORMAT':
      'Enter the program account reference as RM followed by 4 digits, for example RM0001.',
    'businesses.attest.ATTESTATION_REQUIRED':
      'You must attest that you are authorized to act on behalf of the business.',
    'businesses.NOT_IN_REGISTRY':
      'No business with this business number has this program account. Check both numbers.',
    'businesses.NO_FINANCIAL_RECORDS':
      'This account has no recent transactions or payments to confirm your identity with. Ask the agency for an activation key.',
    'businesses.ALREADY_REGISTERED':
      'This business is already registered on the portal. Ask the business’s Business Account Manager (BAM) to give you access.',
    'businesses.REGISTRATION_LOCKED':
      'Registration of this business is locked after too many failed attempts. Contact the agency to unlock it.',
    'businesses.REGISTRATION_NOT_FOUND': 'We could not find this registration. Start again.',
    'businesses.WRONG_STEP': 'This step of the registration is already done or not available yet.',
    'businesses.legalName.REQUIRED': 'Enter the legal name of the business.',
    'businesses.legalName.TOO_LONG': 'The legal name can have at most {max} characters.',
    'businesses.line1.REQUIRED': 'Enter address line 1.',
    'businesses.country.REQUIRED': 'Enter the country.',
    'businesses.BUSINESS_MISMATCH':
      'The legal name or the address does not match the business’s record exactly (punctuation included). Attempts left: {attemptsRemaining}.',
    'businesses.ANSWERS_WRONG':
      'At least one answer does not match the agency’s records. Attempts left: {attemptsRemaining}.',
    'businesses.AMOUNT_FORMAT':
      'Enter digits and at most one decimal point, for example 1234.56: no dollar sign ($), no comma (,) and no spaces.',
    'businesses.amount.REQUIRED': 'Enter the amount.',
    'businesses.BUSINESS_NOT_FOUND': 'You are not a member of this business.',
    'businesses.reason.REQUIRED': 'Enter a reason.',
    'businesses.reason.TOO_LONG': 'The reason can have at most {max} characters.',
    'businesses.BUSINESS_NOT_REGISTERED':
      'No business with this business number is registered on the portal. Check the number with your employer.',
    'businesses.ALREADY_MEMBER': 'You already have access to this business.',
    'businesses.REQUEST_PENDING': 'You already have a pending access request for this business.',
    'businesses.REQUEST_NOT_FOUND': 'We could not find this access request.',
    'businesses.REQUEST_NOT_PENDING': 'This access request is no longer pending.',
    'businesses.role.REQUIRED': 'Choose a role.',
    'businesses.programAccountIds.REQUIRED': 'Choose at least one program account.',
    'businesses.NOT_ALLOWED': 'Your role does not allow this change.',
    'businesses.UNKNOWN_PROGRAM_ACCOUNT':
      'At least one of these program accounts is not one of the business’s.',
    'businesses.OUT_OF_SCOPE': 'You can only give access to the program accounts you manage.',
    'businesses.MEMBERSHIP_NOT_FOUND': 'We could not find this employee’s access.',
    'businesses.LAST_BAM':
      'The business needs at least one active Business Account Manager: give the role to someone else first.',
    'businesses.businessActivity.TOO_LONG': 'The business activity can have at most {max} characters.',
    'businesses.contacts.TOO_MANY': 'A business can have at most {max} contacts.',
    'businesses.contact.INVALID': 'Each contact needs a name (at most {max} characters) and valid details.',
    'businesses.REGISTRY_BUSINESS_NOT_FOUND': 'No business in the registry has this business number.',
    'businesses.contactName.REQUIRED': 'Enter the name of the business’s contact.',
    'businesses.contactName.TOO_LONG': 'The contact’s name can have at most {max} characters.',
    'businesses.ACTIVATION_KEY_UNKNOWN': 'This activation key is not valid. Check it and try again.',
    'businesses.ACTIVATION_KEY_EXPIRED':
      'This activation key has expired (keys are valid for 14 days). Ask the agency for a new one.',
    'businesses.ACTIVATION_KEY_USED': 'This activation key was already used. Ask the agency for a new one.',
    'notices.REQUIRED': 'Enter a value for this field.',
    'notices.TOO_LONG': 'This field must be at most {max} characters.',
    'bulletins.REQUIRED': 'Enter a value for this field.',
    'bulletins.TOO_LONG': 'This field must be at most {max} characters.',
    'notices.INVALID_FORMAT': 'Enter the business number as 9 digits.',
    'notices.BUSINESS_NOT_FOUND': 'No registered business has this business number.',
    'notices.NO_RECIPIENTS': 'No registered business matches: nothing was posted.',
    'relationships.BUSINESS_NOT_FOUND': 'You are not a member of this business.',
    'relationships.NOT_ALLOWED': 'Only the business’s Business Account Manager (BAM) can do this.',
    'relationships.NOT_A_SERVICE_PROVIDER':
      'Only a service provider (a customs broker or trade consultant with a program account) can request a business relationship.',
    'relationships.businessNumber.INVALID_FORMAT':
      'Enter the business number as 9 digits, for example 123456789.',
    'relationships.CLIENT_NOT_REGISTERED':
      'No business with this business number is registered on the portal. The client must register first.',
    'relationships.SELF_RELATIONSHIP': 'A business cannot have a relationship with itself.',
    'relationships.RELATIONSHIP_EXISTS':
      'Your business already has a pending or active relationship with this client.',
    'relationships.message.TOO_LONG': 'The message can have at most {max} characters.',
    'relationships.clientBusinessNumbers.REQUIRED': 'Enter at least one business number.',
    'relationships.clientBusinessNumbers.TOO_MANY': 'Enter at most {max} business numbers at a time.',
    'relationships.RELATIONSHIP_NOT_FOUND': 'We could not find this business relationship.',
    'relationships.RELATIONSHIP_NOT_PENDING': 'This relationship request is no longer pending.',
    'relationships.RELATIONSHIP_NOT_ACTIVE': 'This business relationship is not active.',
    'relationships.TYPE_REQUIRED': 'Choose the type of relationship.',
    'relationships.type.NOT_ALLOWED':
      'Only a Business Account Manager (BAM) can approve a business management relationship. Choose program management.',
    'relationships.PROGRAM_ACCOUNTS_REQUIRED': 'Choose at least one program account.',
    'relationships.PROGRAM_ACCOUNT_NOT_OF_CLIENT':
      'At least one of these program accounts is not one of your business’s.',
    'relationships.OUT_OF_SCOPE': 'You can only give access to the program accounts you manage.',
    'relationships.reason.REQUIRED': 'Enter a reason.',
    'relationships.reason.TOO_LONG': 'The reason can have at most {max} characters.',
    'clientGroups.BUSINESS_NOT_FOUND': 'You are not a member of this business.',
    'clientGroups.NOT_ALLOWED': 'Only the business’s Business Account Manager (BAM) can do this.',
    'clientGroups.name.REQUIRED': 'Enter a name for the group.',
    'clientGroups.name.TOO_LONG': 'The group name can have at most {max} characters.',
    'clientGroups.NAME_TAKEN':
      'Your business has, or had, a group with this name (capitals and accents do not count). Choose another name.',
    'clientGroups.GROUP_NOT_FOUND': 'We could not find this client group.',
    'clientGroups.clientBusinessIds.REQUIRED': 'Choose at least one client.',
    'clientGroups.clientBusinessIds.TOO_MANY': 'Choose at most {max} clients at a time.',
    'clientGroups.NO_ACTIVE_RELATIONSHIP': 'Your business has no active relationship with this client.',
    'clientGroups.ALREADY_IN_GROUP': 'This client is already in the group.',
    'clientGroups.NOT_IN_GROUP': 'This client is not in the group.',
    'clientGroups.EMPLOYEE_NOT_FOUND': 'This person is not an active employee of your business.',
    'clientGroups.ALREADY_ASSIGNED': 'This employee is already assigned here.',
    'clientGroups.ASSIGNMENT_NOT_FOUND': 'This employee is not assigned here.',
    ...financeMessagesEn,
    ...claimsMessagesEn,
  },
  fr: {
    ...apiMessages.fr,
    ...exportsMessages.fr,
    ...rulingsMessages.fr,
    ...webhookMessages.fr,
    ...messagingMessages.fr,
    'errors.internal': 'Un problème est survenu de notre côté. Réessayez plus tard.',
    'errors.serviceUnavailable':
      'Le service est momentanément indisponible. Réessayez dans quelques secondes.',
    'errors.payloadTooLarge': 'La requête est trop volumineuse.',
    'errors.controlCharacters':
      'Retirez les caractères de contrôle (comme NUL ou Échap) du texte : seuls les lettres, les chiffres, la ponctuation, les tabulations et les sauts de ligne sont acceptés.',
    'errors.forbidden': "Vous n'avez pas accès à ces renseignements.",
    'errors.accessDenied.BUSINESS_IDENTITY': "Vous n'avez pas accès à cette entreprise.",
    'errors.accessDenied.BUSINESS_PROFILE': "Vous n'avez pas accès au profil de cette entreprise.",
    'errors.accessDenied.PROGRAM_PROFILE': "Vous n'avez pas accès au profil de ce compte de programme.",
    'errors.accessDenied.PROGRAM_LIST':
      "Vous n'avez pas accès à la liste des comptes de programme de cette entreprise.",
    'errors.accessDenied.FINANCIAL_SECURITY':
      "Vous n'avez pas accès à ces renseignements sur la garantie financière.",
    'errors.accessDenied.REQUESTS_AND_TRANSACTIONS': "Vous n'avez pas accès à ces demandes et transactions.",
    'errors.accessDenied.PAD': "Vous n'avez pas accès aux ententes de débit préautorisé.",
    'errors.accessDenied.COLLECTIONS_NOTICES':
      "Vous n'avez pas accès aux avis concernant les recouvrements et les ententes de paiement.",
    'errors.accessDenied.NOTICES': "Vous n'avez pas accès à ces avis.",
    'errors.accessDenied.ACCESS_MANAGEMENT':
      "Vous n'avez pas accès aux demandes d'accès de cette entreprise ni à l'accès de ses employés.",
    'errors.accessDenied.RELATIONSHIP_MANAGEMENT': "Vous n'avez pas accès aux relations de cette entreprise.",
    'errors.accessDenied.MESSAGES': "Vous n'avez pas accès à ces messages.",
    'errors.accessDenied.CORRESPONDENCE': "Vous n'avez pas accès à cette correspondance.",
    'errors.unauthenticated': 'Ouvrez une session pour continuer.',
    'errors.notFound': "Nous n'avons pas trouvé ce que vous avez demandé.",
    'errors.badRequest': "La demande n'est pas valide.",
    'validation.required': 'Entrez une valeur pour {field}.',
    'validation.tooLong': '{field} doit compter au plus {max} caractères.',
    'validation.format': "{field} n'est pas dans le bon format.",
    'errors.termsNotAccepted': "Acceptez les conditions d'utilisation pour continuer.",
    'errors.csrfTokenInvalid': "Votre page n'est plus à jour. Rechargez-la et réessayez.",
    'errors.throttled': 'Trop de tentatives à partir de votre réseau. Réessayez dans {minutes} min.',
    'errors.tooManyStreams':
      'Trop de connexions en direct sont ouvertes pour vous. Fermez un onglet et réessayez.',
    'errors.credentialRevoked': 'Ce justificatif a été révoqué et ne peut plus être utilisé.',
    'identity.INVALID_CREDENTIALS': "Le nom d'utilisateur ou le mot de passe n'est pas valide.",
    'identity.LOCKED':
      'Trop de tentatives échouées : ce justificatif est verrouillé. Réessayez dans {minutes} min.',
    'identity.THROTTLED': 'Trop de tentatives à partir de votre réseau. Réessayez dans {minutes} min.',
    'identity.CREDENTIAL_REVOKED': 'Ce justificatif a été révoqué et ne peut plus être utilisé.',
    'identity.RECOVERY_FAILED': "Nous n'avons pas pu confirmer votre identité avec ces réponses.",
    'identity.NOT_LOCAL_CREDENTIAL':
      "Vous ouvrez une session avec un partenaire de connexion : il n'y a pas de mot de passe à changer ici.",
    'identity.NOT_FOUND': "Aucune personne n'a cet identifiant.",
    'identity.username.REQUIRED': "Entrez un nom d'utilisateur.",
    'identity.username.TOO_SHORT': "Votre nom d'utilisateur doit compter au moins {min} caractères.",
    'identity.username.TOO_LONG': "Votre nom d'utilisateur doit compter au plus {max} caractères.",
    'identity.username.INVALID_CHARACTERS':
      "Votre nom d'utilisateur ne peut contenir que des lettres (A à Z, sans accents) et des chiffres.",
    'identity.username.TOO_MANY_DIGITS':
      "Votre nom d'utilisateur peut contenir au plus {maxDigits} chiffres.",
    'identity.username.USERNAME_TAKEN': "Ce nom d'utilisateur n'est pas disponible. Choisissez-en un autre.",
    'identity.password.REQUIRED': 'Entrez un mot de passe.',
    'identity.password.TOO_SHORT': 'Votre mot de passe doit compter au moins {min} caractères.',
    'identity.password.TOO_LONG': 'Votre mot de passe doit compter au plus {max} caractères.',
    'identity.password.MISSING_UPPERCASE': 'Votre mot de passe doit contenir au moins une lettre majuscule.',
    'identity.password.MISSING_LOWERCASE': 'Votre mot de passe doit contenir au moins une lettre minuscule.',
    'identity.password.MISSING_DIGIT': 'Votre mot de passe doit contenir au moins un chiffre.',
    'identity.password.INVALID_CHARACTERS':
      'Votre mot de passe ne peut contenir que des lettres (A à Z, sans accents), des chiffres et ces caractères : {punctuation}',
    'identity.password.SHARES_USERNAME':
      "Votre mot de passe ne peut pas contenir 3 caractères consécutifs de votre nom d'utilisateur.",
    'identity.password.COMMON_PASSWORD':
      'Ce mot de passe est trop courant. Choisissez-en un plus difficile à deviner.',
    'identity.passwordConfirmation.REQUIRED': 'Entrez de nouveau votre mot de passe pour le confirmer.',
    'identity.passwordConfirmation.MISMATCH': 'Les deux mots de passe ne sont pas identiques.',
    'identity.currentPassword.REQUIRED': 'Entrez votre mot de passe actuel.',
    'identity.currentPassword.WRONG_PASSWORD': "Votre mot de passe actuel n'est pas valide.",
    'identity.question.REQUIRED': 'Choisissez une question de récupération.',
    'identity.answer.REQUIRED': 'Entrez la réponse à votre question de récupération.',
    'identity.answer.TOO_SHORT': 'Votre réponse doit compter au moins {min} caractères.',
    'identity.answer.TOO_LONG': 'Votre réponse doit compter au plus {max} caractères.',
    'identity.answer.INVALID_CHARACTERS':
      'Votre réponse ne peut contenir que des lettres, des chiffres et des espaces.',
    'identity.memorablePerson.REQUIRED': 'Entrez une personne mémorable.',
    'identity.memorablePerson.TOO_SHORT': 'La personne mémorable doit compter au moins {min} caractères.',
    'identity.memorablePerson.TOO_LONG': 'La personne mémorable doit compter au plus {max} caractères.',
    'identity.memorablePerson.INVALID_CHARACTERS':
      'La personne mémorable ne peut contenir que des lettres, des chiffres et des espaces.',
    'identity.hint.TOO_SHORT': 'Un indice doit compter au moins {min} caractères.',
    'identity.hint.TOO_LONG': 'Un indice doit compter au plus {max} caractères.',
    'identity.hint.INVALID_CHARACTERS':
      "Un indice ne peut contenir que des lettres, des chiffres, des espaces et ces caractères : ' , - . ?",
    'identity.memorableDate.REQUIRED': 'Entrez une date mémorable.',
    'identity.memorableDate.INVALID_DATE':
      'Entrez une date réelle au format AAAA-MM-JJ, par exemple 1985-07-14.',
    'identity.memorableDate.FUTURE_DATE': 'La date mémorable doit être dans le passé.',
    'identity.acceptTerms.TERMS_NOT_ACCEPTED': 'Vous devez accepter les conditions pour continuer.',
    'identity.firstName.REQUIRED': 'Entrez votre prénom.',
    'identity.firstName.TOO_LONG': 'Votre prénom doit compter au plus {max} caractères.',
    'identity.firstName.INVALID_CHARACTERS':
      "Votre prénom ne peut contenir que des lettres, des espaces, des apostrophes, des traits d'union et des points.",
    'identity.lastName.REQUIRED': 'Entrez votre nom de famille.',
    'identity.lastName.TOO_LONG': 'Votre nom de famille doit compter au plus {max} caractères.',
    'identity.lastName.INVALID_CHARACTERS':
      "Votre nom de famille ne peut contenir que des lettres, des espaces, des apostrophes, des traits d'union et des points.",
    'identity.phone.REQUIRED': 'Entrez un numéro de téléphone avec son indicatif régional.',
    'identity.phone.INVALID_PHONE':
      'Entrez un numéro de téléphone nord-américain avec son indicatif régional, par exemple 613-555-0101.',
    'identity.phoneExtension.TOO_LONG': 'Le poste peut compter au plus {max} chiffres.',
    'identity.phoneExtension.INVALID_CHARACTERS': 'Le poste ne peut contenir que des chiffres.',
    'identity.email.REQUIRED': 'Entrez votre adresse courriel.',
    'identity.email.TOO_LONG': 'Votre adresse courriel doit compter au plus {max} caractères.',
    'identity.email.INVALID_EMAIL': 'Entrez une adresse courriel au format nom@exemple.com.',
    'identity.emailConfirmation.REQUIRED': 'Entrez de nouveau votre adresse courriel pour la confirmer.',
    'identity.emailConfirmation.MISMATCH': 'Les deux adresses courriel ne sont pas identiques.',
    'identity.acceptNoticeTerms.TERMS_NOT_ACCEPTED':
      'Vous devez accepter les conditions des avis par courriel pour continuer.',
    'businesses.attestation':
      'Je, {name}, atteste que je suis par la présente autorisé(e) à agir au nom de l’entreprise pour mener des activités commerciales avec l’Agence.',
    'businesses.PROFILE_REQUIRED': 'Créez votre profil personnel avant de lier une entreprise.',
    'businesses.businessNumber.INVALID_FORMAT':
      'Entrez le numéro d’entreprise en 9 chiffres, par exemple 123456789.',
    'businesses.programAccountReference.INVALID_FORMAT':
      'Entrez le numéro de référence du programme : RM suivi de 4 chiffres, par exemple RM0001.',
    'businesses.attest.ATTESTATION_REQUIRED':
      'Vous devez attester que vous êtes autorisé(e) à agir au nom de l’entreprise.',
    'businesses.NOT_IN_REGISTRY':
      'Aucune entreprise ayant ce numéro d’entreprise n’a ce compte de programme. Vérifiez les deux numéros.',
    'businesses.NO_FINANCIAL_RECORDS':
      'Ce compte n’a aucune transaction ni aucun paiement récent permettant de confirmer votre identité. Demandez une clé d’activation à l’Agence.',
    'businesses.ALREADY_REGISTERED':
      'Cette entreprise est déjà enregistrée sur le portail. Demandez l’accès au gestionnaire du compte d’entreprise (GCE) de l’entreprise.',
    'businesses.REGISTRATION_LOCKED':
      'L’enregistrement de cette entreprise est verrouillé après trop de tentatives échouées. Communiquez avec l’Agence pour le déverrouiller.',
    'businesses.REGISTRATION_NOT_FOUND': 'Nous n’avons pas trouvé cet enregistrement. Recommencez.',
    'businesses.WRONG_STEP': 'Cette étape de l’enregistrement est déjà faite ou n’est pas encore disponible.',
    'businesses.legalName.REQUIRED': 'Entrez le nom de la personne morale de l’entreprise.',
    'businesses.legalName.TOO_LONG': 'Le nom de la personne morale peut compter au plus {max} caractères.',
    'businesses.line1.REQUIRED': 'Entrez la ligne d’adresse 1.',
    'businesses.country.REQUIRED': 'Entrez le pays.',
    'businesses.BUSINESS_MISMATCH':
      'Le nom de la personne morale ou l’adresse ne correspond pas exactement au dossier de l’entreprise (ponctuation comprise). Tentatives restantes : {attemptsRemaining}.',
    'businesses.ANSWERS_WRONG':
      'Au moins une réponse ne correspond pas aux dossiers de l’Agence. Tentatives restantes : {attemptsRemaining}.',
    'businesses.AMOUNT_FORMAT':
      'Entrez des chiffres et au plus un point décimal, par exemple 1234.56 : pas de signe de dollar ($), pas de virgule (,) ni d’espace.',
    'businesses.amount.REQUIRED': 'Entrez le montant.',
    'businesses.BUSINESS_NOT_FOUND': 'Vous n’êtes pas membre de cette entreprise.',
    'businesses.reason.REQUIRED': 'Entrez une raison.',
    'businesses.reason.TOO_LONG': 'La raison peut compter au plus {max} caractères.',
    'businesses.BUSINESS_NOT_REGISTERED':
      'Aucune entreprise ayant ce numéro d’entreprise n’est enregistrée sur le portail. Vérifiez le numéro auprès de votre employeur.',
    'businesses.ALREADY_MEMBER': 'Vous avez déjà accès à cette entreprise.',
    'businesses.REQUEST_PENDING': 'Vous avez déjà une demande d’accès en attente pour cette entreprise.',
    'businesses.REQUEST_NOT_FOUND': 'Nous n’avons pas trouvé cette demande d’accès.',
    'businesses.REQUEST_NOT_PENDING': 'Cette demande d’accès n’est plus en attente.',
    'businesses.role.REQUIRED': 'Choisissez un rôle.',
    'businesses.programAccountIds.REQUIRED': 'Choisissez au moins un compte de programme.',
    'businesses.NOT_ALLOWED': 'Votre rôle ne permet pas ce changement.',
    'businesses.UNKNOWN_PROGRAM_ACCOUNT':
      'Au moins un de ces comptes de programme n’appartient pas à l’entreprise.',
    'businesses.OUT_OF_SCOPE': 'Vous pouvez seulement donner accès aux comptes de programme que vous gérez.',
    'businesses.MEMBERSHIP_NOT_FOUND': 'Nous n’avons pas trouvé l’accès de cet employé.',
    'businesses.LAST_BAM':
      'L’entreprise doit avoir au moins un gestionnaire du compte d’entreprise (GCE) actif : donnez d’abord ce rôle à quelqu’un d’autre.',
    'businesses.businessActivity.TOO_LONG':
      'L’activité de l’entreprise peut compter au plus {max} caractères.',
    'businesses.contacts.TOO_MANY': 'Une entreprise peut avoir au plus {max} personnes-ressources.',
    'businesses.contact.INVALID':
      'Chaque personne-ressource doit avoir un nom (au plus {max} caractères) et des coordonnées valides.',
    'businesses.REGISTRY_BUSINESS_NOT_FOUND': 'Aucune entreprise du registre n’a ce numéro d’entreprise.',
    'businesses.contactName.REQUIRED': 'Entrez le nom de la personne-ressource de l’entreprise.',
    'businesses.contactName.TOO_LONG':
      'Le nom de la personne-ressource peut compter au plus {max} caractères.',
    'businesses.ACTIVATION_KEY_UNKNOWN': 'Cette clé d’activation n’est pas valide. Vérifiez-la et réessayez.',
    'businesses.ACTIVATION_KEY_EXPIRED':
      'Cette clé d’activation est expirée (les clés sont valides 14 jours). Demandez-en une nouvelle à l’Agence.',
    'businesses.ACTIVATION_KEY_USED':
      'Cette clé d’activation a déjà été utilisée. Demandez-en une nouvelle à l’Agence.',
    'notices.REQUIRED': 'Entrez une valeur dans ce champ.',
    'notices.TOO_LONG': 'Ce champ doit compter au plus {max} caractères.',
    'bulletins.REQUIRED': 'Entrez une valeur dans ce champ.',
    'bulletins.TOO_LONG': 'Ce champ doit compter au plus {max} caractères.',
    'notices.INVALID_FORMAT': "Entrez le numéro d'entreprise en 9 chiffres.",
    'notices.BUSINESS_NOT_FOUND': "Aucune entreprise inscrite n'a ce numéro d'entreprise.",
    'notices.NO_RECIPIENTS': "Aucune entreprise inscrite ne correspond : rien n'a été publié.",
    'relationships.BUSINESS_NOT_FOUND': 'Vous n’êtes pas membre de cette entreprise.',
    'relationships.NOT_ALLOWED':
      'Seul le gestionnaire du compte d’entreprise (GCE) de l’entreprise peut faire cette action.',
    'relationships.NOT_A_SERVICE_PROVIDER':
      'Seul un fournisseur de services (un courtier en douane ou un conseiller en commerce qui a un compte de programme) peut demander une relation d’affaires.',
    'relationships.businessNumber.INVALID_FORMAT':
      'Entrez le numéro d’entreprise en 9 chiffres, par exemple 123456789.',
    'relationships.CLIENT_NOT_REGISTERED':
      'Aucune entreprise inscrite au portail n’a ce numéro d’entreprise. Le client doit d’abord s’inscrire.',
    'relationships.SELF_RELATIONSHIP': 'Une entreprise ne peut pas avoir de relation avec elle-même.',
    'relationships.RELATIONSHIP_EXISTS':
      'Votre entreprise a déjà une relation en attente ou active avec ce client.',
    'relationships.message.TOO_LONG': 'Le message peut compter au plus {max} caractères.',
    'relationships.clientBusinessNumbers.REQUIRED': 'Entrez au moins un numéro d’entreprise.',
    'relationships.clientBusinessNumbers.TOO_MANY': 'Entrez au plus {max} numéros d’entreprise à la fois.',
    'relationships.RELATIONSHIP_NOT_FOUND': 'Nous n’avons pas trouvé cette relation d’affaires.',
    'relationships.RELATIONSHIP_NOT_PENDING': 'Cette demande de relation n’est plus en attente.',
    'relationships.RELATIONSHIP_NOT_ACTIVE': 'Cette relation d’affaires n’est pas active.',
    'relationships.TYPE_REQUIRED': 'Choisissez le type de relation.',
    'relationships.type.NOT_ALLOWED':
      'Seul un gestionnaire du compte d’entreprise (GCE) peut approuver une relation de gestion d’entreprise. Choisissez la gestion de programmes.',
    'relationships.PROGRAM_ACCOUNTS_REQUIRED': 'Choisissez au moins un compte de programme.',
    'relationships.PROGRAM_ACCOUNT_NOT_OF_CLIENT':
      'Au moins un de ces comptes de programme n’appartient pas à votre entreprise.',
    'relationships.OUT_OF_SCOPE':
      'Vous pouvez seulement donner accès aux comptes de programme que vous gérez.',
    'relationships.reason.REQUIRED': 'Entrez une raison.',
    'relationships.reason.TOO_LONG': 'La raison peut compter au plus {max} caractères.',
    'clientGroups.BUSINESS_NOT_FOUND': 'Vous n’êtes pas membre de cette entreprise.',
    'clientGroups.NOT_ALLOWED':
      'Seul le gestionnaire du compte d’entreprise (GCE) de l’entreprise peut faire cette action.',
    'clientGroups.name.REQUIRED': 'Entrez un nom pour le groupe.',
    'clientGroups.name.TOO_LONG': 'Le nom du groupe peut compter au plus {max} caractères.',
    'clientGroups.NAME_TAKEN':
      'Votre entreprise a ou a eu un groupe de ce nom (majuscules et accents non compris). Choisissez un autre nom.',
    'clientGroups.GROUP_NOT_FOUND': 'Nous n’avons pas trouvé ce groupe de clients.',
    'clientGroups.clientBusinessIds.REQUIRED': 'Choisissez au moins un client.',
    'clientGroups.clientBusinessIds.TOO_MANY': 'Choisissez au plus {max} clients à la fois.',
    'clientGroups.NO_ACTIVE_RELATIONSHIP': 'Votre entreprise n’a pas de relation active avec ce client.',
    'clientGroups.ALREADY_IN_GROUP': 'Ce client fait déjà partie du groupe.',
    'clientGroups.NOT_IN_GROUP': 'Ce client ne fait pas partie du groupe.',
    'clientGroups.EMPLOYEE_NOT_FOUND': 'Cette personne n’est pas un employé actif de votre entreprise.',
    'clientGroups.ALREADY_ASSIGNED': 'Cet employé est déjà affecté ici.',
    'clientGroups.ASSIGNMENT_NOT_FOUND': 'Cet employé n’est pas affecté ici.',
    ...financeMessagesFr,
    ...claimsMessagesFr,
  },
} as const satisfies Record<Language, Record<string, string>>;

export type MessageKey = keyof (typeof messages)['en'];
export type MessageParams = Record<string, string | number>;

/** Fills a message in the given language; an unknown placeholder stays visible rather than vanishing. */
export function translate(lang: Language, key: MessageKey, params: MessageParams = {}): string {
  return messages[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isMessageKey(key: unknown): key is MessageKey {
  return typeof key === 'string' && key in messages.en;
}
