/** The page's endpoints and deliveries, asked again before a create, a test event or a resend answers. */
export const webhookQueries = { refetchQueries: ['WebhooksData'], awaitRefetchQueries: true };
