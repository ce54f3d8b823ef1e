import { Field, ID, InterfaceType } from 'type-graphql';

/** The GraphQL type name of a value returned through `Node` (set by node(id:)); invisible otherwise. */
export function asNode<T extends object>(value: T, typeName: string): T {
  Object.defineProperty(value, '__typename', { value: typeName, enumerable: false, configurable: true });
  return value;
}

@InterfaceType('Node', {
  description:
    'An object with a global id: `node(id:)` reads it back whatever its type (docs/decisions/0014-broker-api.md).',
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class NodeInterface {
  @Field(() => ID, { description: 'Globally unique id (the same id the rest of the API uses).' })
  id: string;
}
