// Messages of webhooks (decision 0028), spread into messages.ts so that the parity spec checks them.

export const webhookMessages = {
  en: {
    'webhooks.NOT_ALLOWED':
      'Only a business account manager of the business (or its read-write token) can manage its webhooks.',
    'webhooks.ENDPOINT_NOT_FOUND': 'We could not find this webhook endpoint.',
    'webhooks.DELIVERY_NOT_FOUND': 'We could not find this delivery, or its event is older than 30 days.',
    'webhooks.DISABLED': 'This endpoint is disabled. Enable it first.',
    'webhooks.TOO_MANY_ENDPOINTS': 'Your business already has {max} webhook endpoints. Delete one first.',
    'webhooks.url.REQUIRED': 'Enter the address of your receiver.',
    'webhooks.url.TOO_LONG': 'The address must be at most {max} characters.',
    'webhooks.url.INVALID':
      'Enter a full address, such as https://example.com/webhooks, without a user name or password.',
    'webhooks.url.HTTPS_REQUIRED': 'The address must start with https://.',
    'webhooks.url.PRIVATE_ADDRESS':
      'The address must be on the public internet, not a private, loopback or link-local one.',
    'webhooks.description.TOO_LONG': 'The description must be at most {max} characters.',
    'webhooks.eventTypes.REQUIRED': 'Choose at least one event type.',
    'webhooks.eventTypes.UNKNOWN_TYPE': 'One of these event types is not in the catalogue.',
    'webhooks.clientGroupIds.TOO_MANY': 'Choose at most {max} client groups.',
    'webhooks.clientGroupIds.GROUP_NOT_FOUND': 'One of these client groups does not exist in your business.',
  },
  fr: {
    'webhooks.NOT_ALLOWED':
      'Seul un gestionnaire du compte d’entreprise (ou son jeton de lecture-écriture) peut gérer les webhooks de l’entreprise.',
    'webhooks.ENDPOINT_NOT_FOUND': 'Nous n’avons pas trouvé ce point de terminaison de webhook.',
    'webhooks.DELIVERY_NOT_FOUND':
      'Nous n’avons pas trouvé cet envoi, ou son événement date de plus de 30 jours.',
    'webhooks.DISABLED': 'Ce point de terminaison est désactivé. Réactivez-le d’abord.',
    'webhooks.TOO_MANY_ENDPOINTS':
      'Votre entreprise a déjà {max} points de terminaison de webhook. Supprimez-en un d’abord.',
    'webhooks.url.REQUIRED': 'Entrez l’adresse de votre récepteur.',
    'webhooks.url.TOO_LONG': 'L’adresse doit compter au plus {max} caractères.',
    'webhooks.url.INVALID':
      'Entrez une adresse complète, comme https://exemple.ca/webhooks, sans nom d’utilisateur ni mot de passe.',
    'webhooks.url.HTTPS_REQUIRED': 'L’adresse doit commencer par https://.',
    'webhooks.url.PRIVATE_ADDRESS':
      'L’adresse doit être sur Internet public, pas une adresse privée, de bouclage ou locale au lien.',
    'webhooks.description.TOO_LONG': 'La description doit compter au plus {max} caractères.',
    'webhooks.eventTypes.REQUIRED': 'Choisissez au moins un type d’événement.',
    'webhooks.eventTypes.UNKNOWN_TYPE': 'Un de ces types d’événements n’est pas au catalogue.',
    'webhooks.clientGroupIds.TOO_MANY': 'Choisissez au plus {max} groupes de clients.',
    'webhooks.clientGroupIds.GROUP_NOT_FOUND':
      'Un de ces groupes de clients n’existe pas dans votre entreprise.',
  },
} as const;
