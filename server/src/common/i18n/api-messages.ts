// Messages of the broker API (tokens, limits, cost, trusted documents), spread into messages.ts so that the
// parity spec checks them with the rest.

export const apiMessages = {
  en: {
    'errors.tokenInvalid': 'This API token is not valid: it is unknown, expired or revoked.',
    'errors.tokenReadOnly': 'This API token can only read: it cannot make changes.',
    'errors.tokenNotAllowed': 'An API token cannot do this: a person must do it in the portal.',
    'errors.pageSize': '`first` must be between 1 and {max}.',
    'errors.queryTooDeep': 'The query is nested {depth} levels deep; at most {max} are allowed.',
    'errors.tooManyAliases': 'The query has {count} aliases; at most {max} are allowed.',
    'errors.tooManyDirectives': 'The query has {count} directives; at most {max} are allowed.',
    'errors.queryTooCostly': 'The query would cost {cost} points; a single query may cost at most {max}.',
    'errors.costThrottled':
      'Too many requests: this query costs {cost} points and {available} are available. Try again in {seconds} s.',
    'errors.batchNotAllowed': 'Send one operation per request: batched requests are not accepted.',
    'errors.persistedDocumentRequired':
      'This server accepts only the portal’s own operations from a browser session.',
    'errors.persistedDocumentMismatch': 'The operation does not match the hash it was sent with.',
    'errors.introspectionDisabled': 'Sign in, or use an API token, to read the schema.',
    'apiTokens.BUSINESS_NOT_FOUND': 'We could not find this business.',
    'apiTokens.NOT_ALLOWED': 'Only a business account manager of the business can manage its API tokens.',
    'apiTokens.name.REQUIRED': 'Enter a name for the token.',
    'apiTokens.name.TOO_LONG': 'The name must be at most {max} characters.',
    'apiTokens.expiresInDays.OUT_OF_RANGE': 'Choose an expiry between 1 and {max} days.',
    'apiTokens.clientGroupIds.TOO_MANY': 'Choose at most {max} client groups.',
    'apiTokens.clientGroupIds.GROUP_NOT_FOUND': 'One of these client groups does not exist in your business.',
    'apiTokens.TOO_MANY_TOKENS': 'Your business already has {max} active tokens. Revoke one first.',
    'apiTokens.TOKEN_NOT_FOUND': 'We could not find this token.',
    'apiTokens.ALREADY_REVOKED': 'This token is already revoked.',
  },
  fr: {
    'errors.tokenInvalid': 'Ce jeton d’API n’est pas valide : il est inconnu, expiré ou révoqué.',
    'errors.tokenReadOnly': 'Ce jeton d’API permet seulement la lecture : il ne peut rien modifier.',
    'errors.tokenNotAllowed':
      'Un jeton d’API ne peut pas faire cela : une personne doit le faire dans le portail.',
    'errors.pageSize': '`first` doit être entre 1 et {max}.',
    'errors.queryTooDeep': 'La requête est imbriquée sur {depth} niveaux; au plus {max} sont permis.',
    'errors.tooManyAliases': 'La requête contient {count} alias; au plus {max} sont permis.',
    'errors.tooManyDirectives': 'La requête contient {count} directives; au plus {max} sont permises.',
    'errors.queryTooCostly': 'La requête coûterait {cost} points; une requête peut coûter au plus {max}.',
    'errors.costThrottled':
      'Trop de requêtes : cette requête coûte {cost} points et {available} sont disponibles. Réessayez dans {seconds} s.',
    'errors.batchNotAllowed':
      'Envoyez une seule opération par requête : les requêtes groupées sont refusées.',
    'errors.persistedDocumentRequired':
      'Ce serveur n’accepte que les opérations du portail à partir d’une session de navigateur.',
    'errors.persistedDocumentMismatch': 'L’opération ne correspond pas à l’empreinte envoyée avec elle.',
    'errors.introspectionDisabled': 'Ouvrez une session, ou utilisez un jeton d’API, pour lire le schéma.',
    'apiTokens.BUSINESS_NOT_FOUND': 'Nous n’avons pas trouvé cette entreprise.',
    'apiTokens.NOT_ALLOWED':
      'Seul un gestionnaire du compte d’entreprise peut gérer les jetons d’API de l’entreprise.',
    'apiTokens.name.REQUIRED': 'Entrez un nom pour le jeton.',
    'apiTokens.name.TOO_LONG': 'Le nom doit compter au plus {max} caractères.',
    'apiTokens.expiresInDays.OUT_OF_RANGE': 'Choisissez une échéance entre 1 et {max} jours.',
    'apiTokens.clientGroupIds.TOO_MANY': 'Choisissez au plus {max} groupes de clients.',
    'apiTokens.clientGroupIds.GROUP_NOT_FOUND':
      'Un de ces groupes de clients n’existe pas dans votre entreprise.',
    'apiTokens.TOO_MANY_TOKENS': 'Votre entreprise a déjà {max} jetons actifs. Révoquez-en un d’abord.',
    'apiTokens.TOKEN_NOT_FOUND': 'Nous n’avons pas trouvé ce jeton.',
    'apiTokens.ALREADY_REVOKED': 'Ce jeton est déjà révoqué.',
  },
} as const;
