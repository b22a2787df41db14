import { translator } from '@potreby/i18n';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fillIn, worded } from './wording';

describe('reworded document texts', () => {
  const t = translator('bg');

  it('gives a reworded text as written, with its {{values}} filled in, and the files’ text for the rest', () => {
    const w = worded(t, new Map([['documents.planningProposal.signMayor', 'Кмет на Община {{name}}']]));
    expect(w('documents.planningProposal.signMayor', { name: 'Пазарджик' })).toBe('Кмет на Община Пазарджик');
    expect(w('documents.planningProposal.funding')).toBe(t('documents.planningProposal.funding'));
  });

  it('takes the first of several keys that either the administrator or the files have', () => {
    const w = worded(t, new Map([['documents.report.findings', 'Констатации (преработено)']]));
    // The analysis has its own heading for findings: the files' text of that key comes first.
    expect(w(['documents.needsAnalysis.findings', 'documents.report.findings'])).toBe(t('documents.needsAnalysis.findings'));
    // A key the analysis does not have falls to the report's, reworded.
    expect(w(['documents.needsAnalysis.nothingLikeThis', 'documents.report.findings'])).toBe('Констатации (преработено)');
  });

  it('returns any text without braces verbatim, and leaves every other key as the files have it', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('{{')), fc.constantFrom('documents.programme.access', 'documents.annualPlan.changes', 'documents.common.no'), (text, other) => {
        const w = worded(t, new Map([['documents.programme.intro', text]]));
        expect(w('documents.programme.intro', { diagnosis: 'x' })).toBe(text);
        expect(w(other)).toBe(t(other));
      }),
    );
  });

  it('leaves a placeholder it has no value for as written', () => {
    expect(fillIn('{{a}} и {{ b }}', { a: 1 })).toBe('1 и {{ b }}');
  });
});
