import { GcdsHeading, GcdsText } from '@cdssnc/gcds-components-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import schemaText from '../../../../../schema/schema.graphql?raw';
import { useDocumentTitle } from '../../../components/layout/use-document-title';
import { type AccessRule, apiCatalogue, type CatalogueOperation } from './api-catalogue';

function Access({ rule }: { rule: AccessRule | null }) {
  const { t } = useTranslation('resources');
  return <>{rule ? t('api.access', { area: rule.area, action: rule.action }) : null}</>;
}

function Operation({ operation }: { operation: CatalogueOperation }) {
  const { t } = useTranslation('resources');
  return (
    <details className="api-entry">
      <summary>
        <code>{operation.name}</code>
      </summary>
      <GcdsText lang="en">{operation.description}</GcdsText>
      <GcdsText>
        {t('api.returns')}: <code>{operation.returns}</code>
        {operation.access ? (
          <>
            {' '}
            <Access rule={operation.access} />
          </>
        ) : null}
      </GcdsText>
      <GcdsHeading tag="h3">{t('api.arguments')}</GcdsHeading>
      {operation.arguments.length ? (
        <ul>
          {operation.arguments.map((arg) => (
            <li key={arg.name}>
              <code>
                {arg.name}: {arg.type}
              </code>
              {arg.description ? <span lang="en"> — {arg.description}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <GcdsText>{t('api.noArguments')}</GcdsText>
      )}
      <GcdsHeading tag="h3">{t('api.example')}</GcdsHeading>
      <pre>
        <code>{operation.example}</code>
      </pre>
    </details>
  );
}

/**
 * The open API catalogue (seed 003 §1.2), generated in the browser from the schema the build bundles:
 * every query and mutation with its arguments and an example, and every field's access rule (`@access`).
 * Native `<details>`: some 200 entries, which the GCDS component (a web component each) made slow to show.
 * The schema's descriptions are English (marked `lang="en"` on French pages); the page's own words are in
 * both languages.
 */
export function ApiCataloguePage() {
  const { t } = useTranslation('resources');
  useDocumentTitle(t('api.title'));
  const catalogue = useMemo(() => apiCatalogue(schemaText), []);
  return (
    <>
      <GcdsHeading tag="h1">{t('api.title')}</GcdsHeading>
      <GcdsText>{t('api.lead')}</GcdsText>
      <GcdsText>{t('api.guide')}</GcdsText>
      <GcdsText size="small">{t('api.descriptionsInEnglish')}</GcdsText>
      <GcdsHeading tag="h2">{t('api.queries')}</GcdsHeading>
      {catalogue.queries.map((operation) => (
        <Operation key={operation.name} operation={operation} />
      ))}
      <GcdsHeading tag="h2">{t('api.mutations')}</GcdsHeading>
      {catalogue.mutations.map((operation) => (
        <Operation key={operation.name} operation={operation} />
      ))}
      <GcdsHeading tag="h2">{t('api.types')}</GcdsHeading>
      {catalogue.types.map((type) => (
        <details key={type.name} className="api-entry">
          <summary>
            <code>{type.name}</code>
          </summary>
          <GcdsText lang="en">{type.description}</GcdsText>
          <ul>
            {type.fields.map((field) => (
              <li key={field.name}>
                <code>
                  {field.name}: {field.type}
                </code>{' '}
                <Access rule={field.access} />
              </li>
            ))}
          </ul>
        </details>
      ))}
    </>
  );
}
