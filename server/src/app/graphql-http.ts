import { type ApolloServer, type BaseContext, HeaderMap } from '@apollo/server';
import { type Request, type RequestHandler, type Response } from 'express';

/**
 * `POST /graphql` (and GET) handed to Apollo: what `@as-integrations/express5`'s `expressMiddleware` does, less
 * two costs it adds to every request. The query string is cut from the URL where it starts (it ran the whole URL
 * through `url.parse`), and a POST's answer is written as it is, with its length, rather than through
 * Express's `res.send`, which hashes every answer for an ETag (a POST's answer is never revalidated). A GET
 * query's answer still goes through `res.send` (its ETag and 304).
 */
export function graphqlHandler<TContext extends BaseContext>(
  apollo: ApolloServer<TContext>,
  context: (request: { req: Request; res: Response }) => Promise<TContext>,
): RequestHandler {
  apollo.assertStarted('graphqlHandler()');
  return async (req, res) => {
    if (!('body' in req)) {
      // The JSON body parser sets it (to undefined without a JSON body): a server put together wrongly.
      res.status(500).send('`req.body` is not set: the JSON body parser must come before /graphql.');
      return;
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers))
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const query = req.url.indexOf('?');
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: req.method.toUpperCase(),
        headers,
        search: query < 0 ? '' : req.url.slice(query),
        body: req.body as unknown,
      },
      context: () => context({ req, res }),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === 'complete') {
      if (req.method !== 'POST') {
        res.send(response.body.string);
        return;
      }
      res.setHeader('content-length', Buffer.byteLength(response.body.string));
      res.end(response.body.string);
      return;
    }
    // Incremental delivery (@defer), as the integration writes it.
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  };
}
