import { registerEnumType } from 'type-graphql';

/**
 * Registers a TypeScript enum as a GraphQL enum with a description for the type and one for each value
 * (the API catalogue shows them): `registerEnumType` with its `valuesConfig` written as plain text per value.
 */
export function describedEnum<E extends Record<string, string>>(
  values: E,
  name: string,
  description: string,
  valueDescriptions: { [K in keyof E]: string },
): void {
  registerEnumType(values, {
    name,
    description,
    valuesConfig: Object.fromEntries(
      Object.entries(valueDescriptions).map(([key, text]) => [key, { description: text }]),
    ) as { [K in keyof E]: { description: string } },
  });
}
