import { GcdsContainer, GcdsDateModified, GcdsFooter, GcdsHeader } from '@cdssnc/gcds-components-react';
import { type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { followInternalLink, pressLinkButton } from './follow-internal-link';

export const mainContentId = 'main-content';

interface AppLayoutProps {
  /** Link of the header's language toggle; none on pages shown in both languages at once. */
  languageHref?: string;
  /** Shown under the header's signature (an element with `slot="menu"`). */
  menu?: ReactNode;
  children: ReactNode;
}

/**
 * Canada.ca page frame: GCDS header (signature, language toggle, skip link), main content, "Date
 * modified", GCDS footer. The GCDS components take their language from `<html lang>` when they
 * load, so callers give the layout a `key` per language to load them again after a switch.
 */
export function AppLayout({ languageHref, menu, children }: AppLayoutProps) {
  const navigate = useNavigate();
  return (
    // Not an interactive element: the handlers only see clicks and keys that bubble up from real links.
    <div
      className="app-layout"
      onClick={(event) => followInternalLink(event, navigate)}
      onKeyDown={pressLinkButton}
    >
      <GcdsHeader skipToHref={`#${mainContentId}`} {...(languageHref ? { langHref: languageHref } : {})}>
        {menu}
      </GcdsHeader>
      <main id={mainContentId}>
        <GcdsContainer size="xl" centered mainContainer>
          {children}
          <GcdsDateModified>{import.meta.env.VITE_DATE_MODIFIED}</GcdsDateModified>
        </GcdsContainer>
      </main>
      <GcdsFooter display="full" />
    </div>
  );
}
