// Messages of program account finances (docs/finance.md), spread into messages.ts. Kept in their own file so
// the feature's texts stay together; the parity spec of messages.ts covers them.

export const financeMessagesEn = {
  'finance.NOT_AN_RM_ACCOUNT': 'Only importer and exporter (RM) program accounts have this.',
  'finance.ACCOUNT_CLOSED': 'This program account is closed.',
  'finance.allocations.REQUIRED': 'Choose at least one transaction to pay.',
  'finance.allocations.TOO_MANY': 'Choose at most {max} transactions at a time.',
  'finance.CREDIT_NOT_FOUND': 'We could not find this credit on the program account.',
  'finance.NOT_A_CREDIT': 'This transaction has no credit left to apply.',
  'finance.allocations.TRANSACTION_NOT_FOUND': 'We could not find this transaction on the program account.',
  'finance.allocations.NOT_PAYABLE': 'This transaction has nothing left to pay.',
  'finance.allocations.DUPLICATE': 'You chose this transaction more than once.',
  'finance.allocations.AMOUNT_INVALID': 'Enter an amount of at least $0.01.',
  'finance.allocations.OVER_OWING': 'The amount is more than the {owing} still owed on this transaction.',
  'finance.OVER_CREDIT': 'Together, the amounts are more than the {available} of credit available.',
  'finance.amountCents.OUT_OF_RANGE': 'Enter an amount from $0.01 to {max}.',
  'finance.provider.REQUIRED': 'Enter the surety company or the institution holding the deposit.',
  'finance.provider.TOO_LONG': 'The provider can have at most {max} characters.',
  'finance.reference.INVALID_FORMAT':
    'The bond or deposit number can have up to {max} letters, digits and hyphens.',
  'finance.effectiveDate.INVALID_DATE': 'Enter the effective date as YYYY-MM-DD, for example 2027-01-31.',
  'finance.expiryDate.INVALID_DATE': 'Enter the expiry date as YYYY-MM-DD, for example 2030-01-31.',
  'finance.expiryDate.BEFORE_EFFECTIVE': 'The expiry date must be after the effective date.',
  'finance.reason.REQUIRED': 'Enter the reason for the change.',
  'finance.reason.TOO_LONG': 'The reason can have at most {max} characters.',
  'finance.reasonEn.REQUIRED': 'Enter the reason in English.',
  'finance.reasonEn.TOO_LONG': 'The English reason can have at most {max} characters.',
  'finance.reasonFr.REQUIRED': 'Enter the reason in French.',
  'finance.reasonFr.TOO_LONG': 'The French reason can have at most {max} characters.',
  'finance.decision.REQUIRED': 'Choose to approve or reject the change.',
  'finance.changeId.NOT_FOUND': 'We found no financial security change with this id.',
  'finance.changeId.NOT_SUBMITTED': 'This financial security change was already decided.',
  'finance.institutionNumber.INVALID_FORMAT': 'The institution number is 3 digits.',
  'finance.transitNumber.INVALID_FORMAT': 'The transit number is 5 digits.',
  'finance.accountNumber.INVALID_FORMAT': 'The account number is {min} to {max} digits, without spaces.',
  'finance.accountHolder.REQUIRED': 'Enter the name of the account holder.',
  'finance.accountHolder.TOO_LONG': 'The account holder’s name can have at most {max} characters.',
  'finance.debitDay.OUT_OF_RANGE': 'Choose a day of the month from {min} to {max}.',
  'finance.acceptTerms.REQUIRED': 'Accept the terms of the pre-authorized debit agreement to continue.',
  'finance.PAD_EXISTS':
    'This program account already has an active pre-authorized debit agreement. Cancel it first.',
  'finance.PAD_NOT_FOUND': 'We could not find this pre-authorized debit agreement.',
  'finance.PAD_NOT_ACTIVE': 'This pre-authorized debit agreement is already cancelled.',
} as const;

export const financeMessagesFr: Record<keyof typeof financeMessagesEn, string> = {
  'finance.NOT_AN_RM_ACCOUNT':
    'Seuls les comptes de programme d’importation et d’exportation (RM) ont cette information.',
  'finance.ACCOUNT_CLOSED': 'Ce compte de programme est fermé.',
  'finance.allocations.REQUIRED': 'Choisissez au moins une transaction à payer.',
  'finance.allocations.TOO_MANY': 'Choisissez au plus {max} transactions à la fois.',
  'finance.CREDIT_NOT_FOUND': 'Nous n’avons pas trouvé ce crédit dans le compte de programme.',
  'finance.NOT_A_CREDIT': 'Cette transaction n’a plus de crédit à appliquer.',
  'finance.allocations.TRANSACTION_NOT_FOUND':
    'Nous n’avons pas trouvé cette transaction dans le compte de programme.',
  'finance.allocations.NOT_PAYABLE': 'Il ne reste rien à payer sur cette transaction.',
  'finance.allocations.DUPLICATE': 'Vous avez choisi cette transaction plus d’une fois.',
  'finance.allocations.AMOUNT_INVALID': 'Entrez un montant d’au moins 0,01 $.',
  'finance.allocations.OVER_OWING':
    'Le montant dépasse les {owing} qui restent à payer sur cette transaction.',
  'finance.OVER_CREDIT': 'Ensemble, les montants dépassent les {available} de crédit disponible.',
  'finance.amountCents.OUT_OF_RANGE': 'Entrez un montant de 0,01 $ à {max}.',
  'finance.provider.REQUIRED': 'Entrez la société de cautionnement ou l’institution qui détient le dépôt.',
  'finance.provider.TOO_LONG': 'Le fournisseur peut compter au plus {max} caractères.',
  'finance.reference.INVALID_FORMAT':
    'Le numéro du cautionnement ou du dépôt peut compter jusqu’à {max} lettres, chiffres et traits d’union.',
  'finance.effectiveDate.INVALID_DATE':
    'Entrez la date d’entrée en vigueur au format AAAA-MM-JJ, par exemple 2027-01-31.',
  'finance.expiryDate.INVALID_DATE':
    'Entrez la date d’expiration au format AAAA-MM-JJ, par exemple 2030-01-31.',
  'finance.expiryDate.BEFORE_EFFECTIVE': 'La date d’expiration doit suivre la date d’entrée en vigueur.',
  'finance.reason.REQUIRED': 'Entrez la raison du changement.',
  'finance.reason.TOO_LONG': 'La raison peut compter au plus {max} caractères.',
  'finance.reasonEn.REQUIRED': 'Entrez le motif en anglais.',
  'finance.reasonEn.TOO_LONG': 'Le motif anglais peut compter au plus {max} caractères.',
  'finance.reasonFr.REQUIRED': 'Entrez le motif en français.',
  'finance.reasonFr.TOO_LONG': 'Le motif français peut compter au plus {max} caractères.',
  'finance.decision.REQUIRED': 'Choisissez d’approuver ou de refuser le changement.',
  'finance.changeId.NOT_FOUND':
    'Nous n’avons trouvé aucun changement de garantie financière portant cet identifiant.',
  'finance.changeId.NOT_SUBMITTED': 'Ce changement de garantie financière a déjà été tranché.',
  'finance.institutionNumber.INVALID_FORMAT': 'Le numéro de l’institution compte 3 chiffres.',
  'finance.transitNumber.INVALID_FORMAT': 'Le numéro de transit compte 5 chiffres.',
  'finance.accountNumber.INVALID_FORMAT':
    'Le numéro de compte compte de {min} à {max} chiffres, sans espaces.',
  'finance.accountHolder.REQUIRED': 'Entrez le nom du titulaire du compte.',
  'finance.accountHolder.TOO_LONG': 'Le nom du titulaire du compte peut compter au plus {max} caractères.',
  'finance.debitDay.OUT_OF_RANGE': 'Choisissez un jour du mois de {min} à {max}.',
  'finance.acceptTerms.REQUIRED': 'Acceptez les conditions de l’accord de débit préautorisé pour continuer.',
  'finance.PAD_EXISTS':
    'Ce compte de programme a déjà un accord de débit préautorisé actif. Annulez-le d’abord.',
  'finance.PAD_NOT_FOUND': 'Nous n’avons pas trouvé cet accord de débit préautorisé.',
  'finance.PAD_NOT_ACTIVE': 'Cet accord de débit préautorisé est déjà annulé.',
};
