import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportErrorList } from '../imports/import-error';
import { findDuplicateRows, matchPlanHeader, parseCeilingRow, parseProposalRow, parseUnitCostRow, PLAN_IMPORT_COLUMNS } from './import-plan-files';

const HEADER = ['municipality_code', 'action', 'service_type', 'capacity_change', 'start_year', 'funding_source', 'annual_cost', 'settlement_code', 'served_codes', 'explanation'];

const proposal = (cells: string[]) => {
  const errors = new ImportErrorList();
  const columns = matchPlanHeader('proposals', HEADER, new Map(), 1, errors);
  return { record: parseProposalRow(cells, columns, 2, errors), errors: errors.errors };
};

describe('the planning imports, row by row', () => {
  it('reads a proposal row with its served municipalities and places', () => {
    const { record, errors } = proposal(['PAZ19', 'Open', 'bg.day_care_elderly', '12', '2027', 'eu_project', '48000', '55155', 'PAZ19:8; PAZ20:4', 'Нов дневен център']);
    expect(errors).toEqual([]);
    expect(record).toEqual({
      municipalityCode: 'PAZ19',
      action: 'open',
      serviceType: 'bg.day_care_elderly',
      capacityChange: 12,
      startYear: 2027,
      fundingSource: 'eu_project',
      annualCost: 48000,
      settlementCode: '55155',
      served: [
        { code: 'PAZ19', capacity: 8 },
        { code: 'PAZ20', capacity: 4 },
      ],
      explanation: 'Нов дневен център',
    });
  });

  it('names every wrong cell of a row: a missing action, a fractional change, a change against its action, an unknown funding source', () => {
    expect(proposal(['PAZ19', '', 'bg.x', '1.5', '2027', 'state', '', '', '', '']).errors.map((e) => [e.column, e.code])).toEqual([
      ['action', 'required'],
      ['capacity_change', 'not_integer'],
      ['funding_source', 'invalid_choice'],
    ]);
    expect(proposal(['PAZ19', 'close', 'bg.x', '5', '2027', 'municipal', '', '', '', '']).errors.map((e) => [e.column, e.code])).toEqual([['capacity_change', 'out_of_range']]);
    expect(proposal(['PAZ19', 'open', 'bg.x', '5', '2027', 'municipal', '-1', '', 'PAZ20:x', '']).errors.map((e) => e.column)).toEqual(['annual_cost', 'served_codes']);
  });

  it('reports a missing column, an unknown one and a repeated one in the header, and accepts a translated header', () => {
    const errors = new ImportErrorList();
    matchPlanHeader('ceilings', ['municipality_code', 'service type', 'service_type', 'colour'], new Map(), 1, errors);
    expect(errors.errors.map((e) => [e.column, e.code])).toEqual([
      ['service_type', 'duplicate_column'],
      [null, 'unknown_column'],
      ['max_users', 'missing_column'],
    ]);
    const ok = new ImportErrorList();
    expect(matchPlanHeader('unit-costs', ['Вид услуга', 'Cost'], new Map([['вид услуга', 'service_type']]), 1, ok)).toEqual(['service_type', 'cost']);
    expect(ok.ok).toBe(true);
  });

  it('refuses negative costs and ceilings, and a second row for the same key', () => {
    const errors = new ImportErrorList();
    expect(parseUnitCostRow(['bg.x', '-3'], ['service_type', 'cost'], 2, errors)).toBeNull();
    expect(parseCeilingRow(['PAZ19', 'bg.x', '-1'], ['municipality_code', 'service_type', 'max_users'], 3, errors)).toBeNull();
    expect(errors.errors.map((e) => e.code)).toEqual(['negative', 'negative']);
    const dup = new ImportErrorList();
    findDuplicateRows([{ row: 2, record: 'a' }, { row: 3, record: 'b' }, { row: 4, record: 'a' }], (r) => r, 'service_type', dup);
    expect(dup.errors).toEqual([expect.objectContaining({ row: 4, code: 'duplicate_row', params: { otherRow: 2 } })]);
  });

  it('any row of any text is either a record or refused with at least one error, never both, never a crash', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 12 }), { minLength: 0, maxLength: PLAN_IMPORT_COLUMNS.proposals.length + 2 }), (cells) => {
        const { record, errors } = proposal(cells);
        expect(record === null).toBe(errors.length > 0);
      }),
    );
  });
});
