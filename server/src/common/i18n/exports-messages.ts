// Messages of idempotency keys and bulk exports (decision 0029), spread into messages.ts so that the parity
// spec checks them with the rest.

export const exportsMessages = {
  en: {
    'errors.idempotencyKeyInvalid':
      'The Idempotency-Key header must be 1 to {max} visible ASCII characters (letters, digits, punctuation; no spaces).',
    'errors.idempotencyKeyNeedsCaller':
      'Sign in, or use an API token, to send an Idempotency-Key: keys belong to a caller.',
    'errors.idempotencyKeyReused':
      'This Idempotency-Key was already used for a different request in the last 24 hours. Use a new key for a new request.',
    'errors.idempotencyKeyInUse':
      'The first request with this Idempotency-Key is still running. Try again in a moment to get its answer.',
    'errors.idempotencyAnswerNotKept':
      'The first request with this Idempotency-Key was done, but its answer was too large to keep. Read the result with a query.',
    'exports.report.UNKNOWN': 'There is no report named “{name}”.',
    'exports.query.REQUIRED': 'Name a report or give a query, not both.',
    'exports.query.INVALID': 'The query is not valid: {detail}',
    'exports.query.NOT_PAGED':
      'The query must page one connection: declare $after and pass it as `after: $after` to one field.',
    'exports.query.TOO_COSTLY': 'A page of this query would cost {cost} points; at most {max} are allowed.',
    'exports.query.TOO_LONG': 'The query must be at most {max} characters.',
    'exports.variables.INVALID': 'The variables must be a JSON object of at most {max} characters.',
    'exports.TOO_MANY_RUNNING': 'You already have {max} exports waiting or running. Wait for one to finish.',
    'exports.NOT_ALLOWED': 'Sign in, or use an API token, to export.',
  },
  fr: {
    'errors.idempotencyKeyInvalid':
      'L’en-tête Idempotency-Key doit compter de 1 à {max} caractères ASCII visibles (lettres, chiffres, ponctuation; sans espace).',
    'errors.idempotencyKeyNeedsCaller':
      'Ouvrez une session, ou utilisez un jeton d’API, pour envoyer une Idempotency-Key : une clé appartient à un appelant.',
    'errors.idempotencyKeyReused':
      'Cette Idempotency-Key a déjà servi à une autre requête au cours des dernières 24 heures. Utilisez une nouvelle clé pour une nouvelle requête.',
    'errors.idempotencyKeyInUse':
      'La première requête faite avec cette Idempotency-Key est encore en cours. Réessayez dans un instant pour obtenir sa réponse.',
    'errors.idempotencyAnswerNotKept':
      'La première requête faite avec cette Idempotency-Key a été exécutée, mais sa réponse était trop longue pour être conservée. Lisez le résultat avec une requête.',
    'exports.report.UNKNOWN': 'Il n’existe aucun rapport nommé « {name} ».',
    'exports.query.REQUIRED': 'Nommez un rapport ou fournissez une requête, mais pas les deux.',
    'exports.query.INVALID': 'La requête n’est pas valide : {detail}',
    'exports.query.NOT_PAGED':
      'La requête doit parcourir une connexion : déclarez $after et passez-la comme `after: $after` à un champ.',
    'exports.query.TOO_COSTLY':
      'Une page de cette requête coûterait {cost} points; au plus {max} sont permis.',
    'exports.query.TOO_LONG': 'La requête doit compter au plus {max} caractères.',
    'exports.variables.INVALID': 'Les variables doivent former un objet JSON d’au plus {max} caractères.',
    'exports.TOO_MANY_RUNNING':
      'Vous avez déjà {max} exportations en attente ou en cours. Attendez que l’une d’elles se termine.',
    'exports.NOT_ALLOWED': 'Ouvrez une session, ou utilisez un jeton d’API, pour exporter.',
  },
} as const;
