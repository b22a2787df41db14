import { LANGUAGES, translator } from '@potreby/i18n';
import { describe, expect, it } from 'vitest';
import { FIXED_TEXT_KEYS, kindCountry, OFFICIAL_KINDS } from './kinds';

describe('official document kinds', () => {
  it('belong to the country their name starts with, or to every country', () => {
    expect(OFFICIAL_KINDS.map((k) => [k, kindCountry(k)])).toEqual([
      ['bg.needs_analysis', 'BG'],
      ['bg.planning_proposal', 'BG'],
      ['bg.agreement', 'BG'],
      ['bg.annual_plan', 'BG'],
      ['bg.services_review', 'BG'],
      ['ua.needs_report', 'UA'],
      ['ua.social_passport', 'UA'],
      ['pl.diagnosis', 'PL'],
      ['pl.programme', 'PL'],
      ['pl.ozps', 'PL'],
      ['consultation_report', null],
      ['fiches', null],
    ]);
  });

  it('offer for rewording only texts that every language has, the headings, legal basis and signature lines among them', () => {
    for (const kind of OFFICIAL_KINDS)
      for (const key of FIXED_TEXT_KEYS[kind])
        for (const language of LANGUAGES) {
          const text = translator(language)(key, { defaultValue: '' });
          expect(typeof text === 'string' && text.length > 0 && text !== key, `${kind} ${key} ${language}`).toBe(true);
        }
    expect(FIXED_TEXT_KEYS['bg.planning_proposal']).toEqual(expect.arrayContaining(['documents.planningProposal.basis', 'documents.planningProposal.proposals', 'documents.planningProposal.signMayor']));
    expect(FIXED_TEXT_KEYS['pl.programme']).not.toContain('documents.programme.fileName');
    // Every document has its fixed text to reword, the OZPS's legal basis and signature among them.
    for (const kind of OFFICIAL_KINDS) expect(FIXED_TEXT_KEYS[kind].length, kind).toBeGreaterThan(3);
    expect(FIXED_TEXT_KEYS['pl.ozps']).toEqual(expect.arrayContaining(['documents.ozps.basis', 'documents.ozps.signDirector', 'documents.ozps.conclusionsText']));
    expect(FIXED_TEXT_KEYS.consultation_report).toContain('consultation.report.title');
    expect(FIXED_TEXT_KEYS.fiches).not.toContain('fiches.document.portfolioFile');
  });
});
