import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  noticeTemplatesFile,
  parseNoticeTemplates,
  renderNotice,
  templateNames,
} from './notice-templates.js';

// The notice texts are data (reference-data/notice-templates.json): the file holds every template the code
// names, each in both languages, with the same placeholders in each.

describe('notice templates file', () => {
  const text = readFileSync(noticeTemplatesFile, 'utf8');

  it('holds every named template, in English and French, with the same placeholders in both', () => {
    const templates = parseNoticeTemplates(text);
    expect(Object.keys(templates).sort()).toEqual([...templateNames].sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const name of templateNames) {
      for (const part of ['subject', 'body'] as const) {
        expect(placeholders(templates[name][part].fr), `${name} ${part}`).toEqual(
          placeholders(templates[name][part].en),
        );
      }
    }
  });

  it('refuses a file that lacks a template, names an unknown one, or lacks a language', () => {
    const data = JSON.parse(text) as Record<string, unknown>;
    const { claimWithdrawn: _dropped, ...missing } = data;
    expect(() => parseNoticeTemplates(JSON.stringify(missing))).toThrow(/missing claimWithdrawn/);
    expect(() => parseNoticeTemplates(JSON.stringify({ ...data, claimLost: data.claimWithdrawn }))).toThrow(
      /unknown claimLost/,
    );
    const noFrench = { ...data, registered: { subject: { en: 'Registered' }, body: { en: 'x', fr: 'y' } } };
    expect(() => parseNoticeTemplates(JSON.stringify(noFrench))).toThrow();
  });

  it('fills a template in both languages, a value that differs by language in each', () => {
    expect(
      renderNotice('accessApproved', {
        business: 'Northern Lights',
        bn: '123456789',
        role: { en: 'Editor', fr: 'Rédacteur' },
      }),
    ).toEqual({
      subject: { en: 'Your access authorizations have changed', fr: 'Vos autorisations d’accès ont changé' },
      body: {
        en: 'Northern Lights (123456789) approved your access request. Your role: Editor.',
        fr: 'Northern Lights (123456789) a approuvé votre demande d’accès. Votre rôle : Rédacteur.',
      },
    });
  });
});
