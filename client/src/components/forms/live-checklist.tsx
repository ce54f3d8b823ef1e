import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ChecklistEntry {
  id: string;
  label: string;
  met: boolean;
}

interface LiveChecklistProps {
  id: string;
  title: string;
  items: readonly ChecklistEntry[];
  headingLevel?: 'h2' | 'h3';
}

/** Pause in typing after which the progress is read out: one announcement per pause, not per key. */
export const checklistAnnounceDelayMs = 1000;

/**
 * The requirements of a field, ticked as the person types (seed §1.5). Each item shows ✓ or ✗ and
 * colour for sighted people and says "met" or "not met" in text for screen readers. The list itself
 * is not a live region (every keystroke would be read out); a polite status says how many
 * requirements are met once the person pauses.
 */
export function LiveChecklist({ id, title, items, headingLevel = 'h2' }: LiveChecklistProps) {
  const { t } = useTranslation('common');
  const Heading = headingLevel;
  const met = items.filter((item) => item.met).length;
  const total = items.length;
  const [announcement, setAnnouncement] = useState('');
  const first = useRef(true);

  useEffect(() => {
    // Nothing to say before the person has typed anything.
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(
      () => setAnnouncement(t('checklist.progress', { met, total })),
      checklistAnnounceDelayMs,
    );
    return () => clearTimeout(timer);
  }, [met, total, t]);

  return (
    <section className="live-checklist" aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`} className="live-checklist__title">
        {title}
      </Heading>
      <ul id={id} className="live-checklist__items">
        {items.map((item) => (
          <li
            key={item.id}
            data-check={item.id}
            className={item.met ? 'live-checklist__item live-checklist__item--met' : 'live-checklist__item'}
          >
            <span className="live-checklist__mark" aria-hidden="true">
              {item.met ? '✓' : '✗'}
            </span>
            <span className="visually-hidden">{item.met ? t('checklist.met') : t('checklist.notMet')}</span>
            <span>{item.label}</span>
          </li>
        ))}
      </ul>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}
