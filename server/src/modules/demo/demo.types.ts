import { registerEnumType } from 'type-graphql';

export enum DemoPersona {
  IMPORTER_BAM = 'IMPORTER_BAM',
  BROKER_BAM = 'BROKER_BAM',
  BROKER_EMPLOYEE = 'BROKER_EMPLOYEE',
  OFFICER = 'OFFICER',
}

registerEnumType(DemoPersona, {
  name: 'DemoPersona',
  description: 'A prepared person of the demo (only while the demo is on; never in production).',
  valuesConfig: {
    IMPORTER_BAM: { description: 'The business account manager of two importers.' },
    BROKER_BAM: { description: 'The business account manager of a customs broker with two clients.' },
    BROKER_EMPLOYEE: { description: 'An employee of the customs broker, assigned to a client group.' },
    OFFICER: { description: 'An agency officer (the officer console).' },
  },
});
