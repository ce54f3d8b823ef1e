/** Any class: what TypeORM takes as entities and migrations, and type-graphql as resolvers. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- constructor parameters differ per class
export type ClassType = new (...args: any[]) => object;
