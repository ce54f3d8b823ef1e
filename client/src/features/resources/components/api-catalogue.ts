import {
  buildSchema,
  getNamedType,
  type GraphQLField,
  isObjectType,
  isScalarType,
  isEnumType,
  Kind,
  type ConstDirectiveNode,
} from 'graphql';

export interface AccessRule {
  area: string;
  action: string;
}

export interface CatalogueArgument {
  name: string;
  type: string;
  description: string;
}

export interface CatalogueOperation {
  name: string;
  description: string;
  deprecated: string | null;
  arguments: CatalogueArgument[];
  returns: string;
  access: AccessRule | null;
  example: string;
}

export interface CatalogueType {
  name: string;
  description: string;
  fields: Array<{ name: string; type: string; description: string; access: AccessRule | null }>;
}

export interface ApiCatalogue {
  queries: CatalogueOperation[];
  mutations: CatalogueOperation[];
  types: CatalogueType[];
}

function accessOf(directives: readonly ConstDirectiveNode[] | undefined): AccessRule | null {
  const access = directives?.find((d) => d.name.value === 'access');
  if (!access) return null;
  const value = (name: string) => {
    const arg = access.arguments?.find((a) => a.name.value === name)?.value;
    return arg?.kind === Kind.ENUM ? arg.value : '';
  };
  return { area: value('area'), action: value('action') };
}

/** An operation with its required arguments as variables and the scalar fields of what it returns. */
function exampleOf(kind: 'query' | 'mutation', field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a) => a.type.toString().endsWith('!') && a.defaultValue === undefined);
  const variables = required.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const args = required.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  let selection = '';
  if (isObjectType(named)) {
    const leaves = Object.values(named.getFields())
      .filter((f) => {
        const leaf = getNamedType(f.type);
        return (isScalarType(leaf) || isEnumType(leaf)) && f.args.length === 0 && !f.deprecationReason;
      })
      .slice(0, 4)
      .map((f) => f.name);
    selection = leaves.length ? ` { ${leaves.join(' ')} }` : ' { __typename }';
  }
  const header = variables ? `${kind}(${variables})` : kind;
  return `${header} {\n  ${field.name}${args ? `(${args})` : ''}${selection}\n}`;
}

/**
 * The catalogue, read from the API's schema (schema/schema.graphql, which `npm run schema` writes from the
 * server's code and CI checks): it cannot drift from the API.
 */
export function apiCatalogue(sdl: string): ApiCatalogue {
  const schema = buildSchema(sdl);
  const operations = (kind: 'query' | 'mutation') => {
    const root = kind === 'query' ? schema.getQueryType() : schema.getMutationType();
    return Object.values(root?.getFields() ?? {})
      .map((field): CatalogueOperation => ({
        name: field.name,
        description: field.description ?? '',
        deprecated: field.deprecationReason ?? null,
        arguments: field.args.map((a) => ({
          name: a.name,
          type: a.type.toString(),
          description: a.description ?? '',
        })),
        returns: field.type.toString(),
        access: accessOf(field.astNode?.directives),
        example: exampleOf(kind, field),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
  };
  const types = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .map((type): CatalogueType => ({
      name: type.name,
      description: type.description ?? '',
      fields: Object.values(type.getFields()).map((f) => ({
        name: f.name,
        type: f.type.toString(),
        description: f.description ?? '',
        access: accessOf(f.astNode?.directives),
      })),
    }))
    .filter((type) => type.fields.some((f) => f.access))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { queries: operations('query'), mutations: operations('mutation'), types };
}
