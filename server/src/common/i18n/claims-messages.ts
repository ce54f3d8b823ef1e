// Messages of claims and repayments (docs/claims.md), spread into messages.ts; the parity spec covers them.

export const claimsMessagesEn = {
  'claims.transactionId.NOT_CLAIMABLE':
    'A claim can only be filed on a posted or paid commercial accounting declaration with duties and taxes.',
  'claims.transactionId.TIME_LIMIT_PASSED':
    'The time limit to claim on this transaction ({years} years) ended on {lastDay}.',
  'claims.type.REQUIRED': 'Choose the type of claim.',
  'claims.correctionKind.REQUIRED': 'Choose what the adjustment corrects.',
  'claims.exportDate.REQUIRED': 'Enter the export date.',
  'claims.exportDate.INVALID_DATE': 'Enter the export date as YYYY-MM-DD, for example 2026-11-30.',
  'claims.exportDate.BEFORE_TRANSACTION':
    'The goods cannot have been exported before the transaction date ({date}).',
  'claims.exportDate.IN_FUTURE': 'The export date cannot be in the future.',
  'claims.exportDestination.REQUIRED': 'Enter the country the goods were exported to.',
  'claims.exportDestination.INVALID':
    'Enter the two-letter code of a country other than Canada, for example US.',
  'claims.reason.REQUIRED': 'Enter the reason for the claim.',
  'claims.reason.TOO_LONG': 'The reason can have at most {max} characters.',
  'claims.lines.REQUIRED': 'Add at least one line of the transaction.',
  'claims.lines.TOO_MANY': 'A claim can have at most {max} lines.',
  'claims.lines.OVER_TRANSACTION': 'Together, the lines paid more than the transaction’s duties and taxes.',
  'claims.lines.OVER_TRANSACTION_CLAIMS':
    'With the other claims on this transaction, the lines paid more than its duties and taxes.',
  'claims.lines.LINE_ALREADY_CLAIMED':
    'Line {line} of this transaction already has an open or approved claim.',
  'claims.lineNumber.INVALID': 'Enter a line number from 1 to {max}.',
  'claims.lineNumber.DUPLICATE': 'Line {line} is claimed more than once.',
  'claims.originalCents.INVALID': 'Enter the duties and taxes the line paid, at least $0.01.',
  'claims.correctedCents.REQUIRED':
    'Enter the corrected classification, value and treatment, or the corrected duties and taxes.',
  'claims.correctedCents.INVALID': 'Enter corrected duties and taxes of $0.00 or more.',
  'claims.correctedCents.NO_REFUND': 'The corrected duties and taxes must be less than what the line paid.',
  'claims.claimId.NOT_IN_PROGRESS': 'This claim was already submitted: it can no longer be changed.',
  'claims.claimId.NOT_OPEN': 'This claim is closed: it can no longer be withdrawn.',
  'claims.claimId.NO_INFORMATION_REQUESTED': 'The agency is not waiting for information on this claim.',
  'claims.claimId.NOT_SUBMITTED': 'This claim is not waiting in the queue.',
  'claims.claimId.NOT_UNDER_REVIEW': 'This claim is not under review.',
  'claims.attestation.REQUIRED': 'Confirm that the information is true and complete.',
  'claims.answer.REQUIRED': 'Enter your answer.',
  'claims.answer.TOO_LONG': 'Your answer can have at most {max} characters.',
  'claims.textEn.REQUIRED': 'Enter the text in English.',
  'claims.textEn.TOO_LONG': 'The English text can have at most {max} characters.',
  'claims.textFr.REQUIRED': 'Enter the text in French.',
  'claims.textFr.TOO_LONG': 'The French text can have at most {max} characters.',
  'claims.reasonEn.REQUIRED': 'Enter the reason in English.',
  'claims.reasonEn.TOO_LONG': 'The English reason can have at most {max} characters.',
  'claims.reasonFr.REQUIRED': 'Enter the reason in French.',
  'claims.reasonFr.TOO_LONG': 'The French reason can have at most {max} characters.',
  'claims.approvedCents.INVALID': 'Enter an approved amount of at least $0.01.',
  'claims.approvedCents.OVER_CLAIMED': 'The approved amount cannot be more than the refund claimed.',
  'claims.approvedCents.OVER_TRANSACTION_PAID':
    'With the refunds already approved on this transaction, this would repay more than was paid on it.',
  'claims.method.REQUIRED': 'Choose how the repayment was paid.',
  'claims.paidOn.INVALID_DATE': 'Enter the payment date as YYYY-MM-DD, for example 2026-12-07.',
  'claims.paidOn.IN_FUTURE': 'The payment date cannot be in the future.',
  'claims.repaymentId.NOT_PAYABLE': 'This repayment was already paid or withheld.',
  'claims.idempotencyKey.INVALID': 'The idempotency key is 1 to 64 letters, digits, hyphens or underscores.',
  'claims.idempotencyKey.REUSED':
    'You already used this idempotency key to file a claim on another transaction: use a new key.',
} as const;

export const claimsMessagesFr: Record<keyof typeof claimsMessagesEn, string> = {
  'claims.transactionId.NOT_CLAIMABLE':
    'Une demande ne peut viser qu’une déclaration en détail comptabilisée ou payée, avec des droits et taxes.',
  'claims.transactionId.TIME_LIMIT_PASSED':
    'Le délai pour présenter une demande sur cette transaction ({years} ans) a pris fin le {lastDay}.',
  'claims.type.REQUIRED': 'Choisissez le type de demande.',
  'claims.correctionKind.REQUIRED': 'Choisissez ce que la révision corrige.',
  'claims.exportDate.REQUIRED': 'Entrez la date d’exportation.',
  'claims.exportDate.INVALID_DATE':
    'Entrez la date d’exportation au format AAAA-MM-JJ, par exemple 2026-11-30.',
  'claims.exportDate.BEFORE_TRANSACTION':
    'Les marchandises ne peuvent pas avoir été exportées avant la date de la transaction ({date}).',
  'claims.exportDate.IN_FUTURE': 'La date d’exportation ne peut pas être dans l’avenir.',
  'claims.exportDestination.REQUIRED': 'Entrez le pays vers lequel les marchandises ont été exportées.',
  'claims.exportDestination.INVALID':
    'Entrez le code à deux lettres d’un pays autre que le Canada, par exemple US.',
  'claims.reason.REQUIRED': 'Entrez le motif de la demande.',
  'claims.reason.TOO_LONG': 'Le motif peut compter au plus {max} caractères.',
  'claims.lines.REQUIRED': 'Ajoutez au moins une ligne de la transaction.',
  'claims.lines.TOO_MANY': 'Une demande peut compter au plus {max} lignes.',
  'claims.lines.OVER_TRANSACTION':
    'Ensemble, les lignes ont payé plus que les droits et taxes de la transaction.',
  'claims.lines.OVER_TRANSACTION_CLAIMS':
    'Avec les autres demandes sur cette transaction, les lignes ont payé plus que ses droits et taxes.',
  'claims.lines.LINE_ALREADY_CLAIMED':
    'La ligne {line} de cette transaction fait déjà l’objet d’une demande ouverte ou approuvée.',
  'claims.lineNumber.INVALID': 'Entrez un numéro de ligne de 1 à {max}.',
  'claims.lineNumber.DUPLICATE': 'La ligne {line} est demandée plus d’une fois.',
  'claims.originalCents.INVALID': 'Entrez les droits et taxes payés sur la ligne, au moins 0,01 $.',
  'claims.correctedCents.REQUIRED':
    'Entrez le classement, la valeur et le traitement corrigés, ou les droits et taxes corrigés.',
  'claims.correctedCents.INVALID': 'Entrez des droits et taxes corrigés de 0,00 $ ou plus.',
  'claims.correctedCents.NO_REFUND':
    'Les droits et taxes corrigés doivent être inférieurs à ce que la ligne a payé.',
  'claims.claimId.NOT_IN_PROGRESS': 'Cette demande a déjà été présentée : elle ne peut plus être modifiée.',
  'claims.claimId.NOT_OPEN': 'Cette demande est fermée : elle ne peut plus être retirée.',
  'claims.claimId.NO_INFORMATION_REQUESTED': 'L’Agence n’attend pas de renseignements sur cette demande.',
  'claims.claimId.NOT_SUBMITTED': 'Cette demande n’attend pas dans la file.',
  'claims.claimId.NOT_UNDER_REVIEW': 'Cette demande n’est pas à l’examen.',
  'claims.attestation.REQUIRED': 'Confirmez que les renseignements sont exacts et complets.',
  'claims.answer.REQUIRED': 'Entrez votre réponse.',
  'claims.answer.TOO_LONG': 'Votre réponse peut compter au plus {max} caractères.',
  'claims.textEn.REQUIRED': 'Entrez le texte en anglais.',
  'claims.textEn.TOO_LONG': 'Le texte anglais peut compter au plus {max} caractères.',
  'claims.textFr.REQUIRED': 'Entrez le texte en français.',
  'claims.textFr.TOO_LONG': 'Le texte français peut compter au plus {max} caractères.',
  'claims.reasonEn.REQUIRED': 'Entrez le motif en anglais.',
  'claims.reasonEn.TOO_LONG': 'Le motif anglais peut compter au plus {max} caractères.',
  'claims.reasonFr.REQUIRED': 'Entrez le motif en français.',
  'claims.reasonFr.TOO_LONG': 'Le motif français peut compter au plus {max} caractères.',
  'claims.approvedCents.INVALID': 'Entrez un montant approuvé d’au moins 0,01 $.',
  'claims.approvedCents.OVER_CLAIMED': 'Le montant approuvé ne peut pas dépasser le remboursement demandé.',
  'claims.approvedCents.OVER_TRANSACTION_PAID':
    'Avec les remboursements déjà approuvés sur cette transaction, celui-ci rembourserait plus que ce qui a été payé.',
  'claims.method.REQUIRED': 'Choisissez le mode de paiement du remboursement.',
  'claims.paidOn.INVALID_DATE': 'Entrez la date de paiement au format AAAA-MM-JJ, par exemple 2026-12-07.',
  'claims.paidOn.IN_FUTURE': 'La date de paiement ne peut pas être dans l’avenir.',
  'claims.repaymentId.NOT_PAYABLE': 'Ce remboursement a déjà été payé ou retenu.',
  'claims.idempotencyKey.INVALID':
    'La clé d’idempotence compte de 1 à 64 lettres, chiffres, traits d’union ou traits de soulignement.',
  'claims.idempotencyKey.REUSED':
    'Vous avez déjà utilisé cette clé d’idempotence pour une demande sur une autre transaction : utilisez une nouvelle clé.',
};
