import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runGrader } from '../run.ts';
import { advantages } from './advantages.ts';
import { CSV_COLUMNS, csvChunks, jsonlChunks, toCsv, toJsonl } from './export.ts';
import type { GradedSample } from './types.ts';

/**
 * A small RFC 4180 reader to check our writer against: records end in CRLF (a bare LF inside quotes is data),
 * a quoted field may hold commas, CR, LF and doubled quotes.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`bare line break outside quotes at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (field !== '' || record.length) throw new Error('last record lacks its CRLF');
  return records;
}

const sample = (over: Partial<GradedSample> = {}): GradedSample => ({ row: 0, sampleIndex: 0, itemKey: '0', reward: 0.5, errorFlags: [], ...over });

describe('toJsonl', () => {
  it('writes one line per result in input order, with advantages matched and probes marked', () => {
    const results = [
      sample({ reward: 1 }),
      sample({ sampleIndex: 1, reward: 0, errorFlags: ['other_error'], label: 'bad' }),
      sample({ sampleIndex: 0, reward: 1, probe: 'empty', text: '' }),
      sample({ row: 41, itemKey: '41', sampleIndex: 2, reward: 0.25, text: 'It is "Paris".' }),
    ];
    const text = toJsonl(results, { advantages: advantages(results) });
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    // `line` is the 1-based line number the dataset view shows (row 0 is line 1).
    expect(lines[0]).toEqual({ line: 1, sample_index: 0, item_key: '0', reward: 1, errors: [], advantage: expect.closeTo(0.5 / (Math.SQRT1_2 + 1e-4), 12) });
    expect(Object.keys(lines[0])).toEqual(['line', 'sample_index', 'item_key', 'reward', 'errors', 'advantage']);
    expect(lines[1]).toMatchObject({ sample_index: 1, reward: 0, errors: ['other_error'], label: 'bad' });
    expect(lines[2]).toEqual({ line: 1, sample_index: 0, item_key: '0', reward: 1, errors: [], probe: 'empty', text: '' });
    expect(lines[3]).toMatchObject({ line: 42, sample_index: 2, reward: 0.25, text: 'It is "Paris".' });
  });

  it('adds the full RunResult when given, and writes a NaN reward as null', async () => {
    const result = await runGrader({ type: 'string_check', name: 's', input: '{{ sample.output_text }}', reference: 'a', operation: 'eq' }, { output_text: 'a' }, {});
    const text = toJsonl([sample({ reward: 1 }), sample({ reward: NaN })], { runResults: [result] });
    const [a, b] = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(a.result).toEqual(JSON.parse(JSON.stringify(result)));
    expect(a.result.reward).toBe(1);
    expect(b).toEqual({ line: 1, sample_index: 0, item_key: '0', reward: null, errors: [] });
    expect(toJsonl([])).toBe('');
  });
});

describe('chunked exports and advantage matching', () => {
  const results = Array.from({ length: 10 }, (_, i) => sample({ row: i >> 1, itemKey: String(i >> 1), sampleIndex: i & 1, reward: (i % 3) / 2 }));
  const adv = advantages(results);

  it('cut the same text into pieces of rowsPerChunk lines (the CSV header opens the first)', () => {
    const jsonl = [...jsonlChunks(results, { advantages: adv }, 3)];
    expect(jsonl.map((c) => c.split('\n').length - 1)).toEqual([3, 3, 3, 1]);
    expect(jsonl.join('')).toBe(toJsonl(results, { advantages: adv }));
    const csv = [...csvChunks(results, { advantages: adv }, 4)];
    expect(csv[0]!.startsWith('line,sample_index,')).toBe(true);
    expect(csv.join('')).toBe(toCsv(results, { advantages: adv }));
    expect([...jsonlChunks([])]).toEqual([]);
    expect([...csvChunks([])]).toEqual([CSV_COLUMNS.join(',') + '\r\n']);
  });

  it('match advantages by item, row and sample index when they are not in step with the results', () => {
    const inStep = toJsonl(results, { advantages: adv });
    expect(toJsonl(results, { advantages: [...adv].reverse() })).toBe(inStep);
    const some = toJsonl(results, { advantages: adv.slice(0, 2) }).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(some.map((l) => 'advantage' in l)).toEqual([true, true, false, false, false, false, false, false, false, false]);
  });
});

describe('toCsv', () => {
  it('writes a header row and CRLF records, quoting what RFC 4180 asks', () => {
    const csv = toCsv([
      sample({ itemKey: 'a,b', label: 'say "hi"', errorFlags: ['sample_parse_error', 'other_error'] }),
      sample({ row: 3, sampleIndex: 2, itemKey: 'line\nbreak', reward: -0.25, probe: 'empty', text: 'Paris, "maybe"' }),
    ]);
    expect(csv).toBe(
      'line,sample_index,item_key,reward,errors,label,probe,advantage,text\r\n' +
        '1,0,"a,b",0.5,sample_parse_error;other_error,"say ""hi""",,,\r\n' +
        '4,2,"line\nbreak",-0.25,,,empty,,"Paris, ""maybe"""\r\n',
    );
    expect(parseCsv(csv)[0]).toEqual([...CSV_COLUMNS]);
  });

  it("defuses formula injection in text cells with a leading ' but leaves our numbers alone", () => {
    const csv = toCsv(
      [
        sample({ itemKey: '=HYPERLINK("http://evil")', label: '+1', probe: '@SUM(A1)' }),
        sample({ itemKey: '-2+3', label: '\tx', sampleIndex: 1, reward: 0 }),
      ],
      { advantages: [{ row: 0, sampleIndex: 1, itemKey: '-2+3', reward: 0, advantage: -0.7 }] },
    );
    const rows = parseCsv(csv);
    expect(rows[1]).toEqual(['1', '0', `'=HYPERLINK("http://evil")`, '0.5', '', "'+1", "'@SUM(A1)", '', '']);
    expect(rows[2]).toEqual(['1', '1', "'-2+3", '0', '', "'\tx", '', '-0.7', '']);
  });

  it('leaves missing and non-finite numbers empty', () => {
    expect(parseCsv(toCsv([sample({ reward: NaN })]))[1]).toEqual(['1', '0', '0', '', '', '', '', '', '']);
  });

  it('property: any text parses back to the same cells (formula-guarded), one record per result', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\r', '\n', ' ', '=', '+', '-', '@', '\t', 'é', '😀'), maxLength: 12 });
    const guarded = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            row: fc.nat(1000),
            sampleIndex: fc.nat(20),
            itemKey: text,
            reward: fc.double({ noNaN: true, noDefaultInfinity: true }),
            errorFlags: fc.array(text, { maxLength: 3 }),
            label: fc.option(text, { nil: undefined }),
            probe: fc.option(text, { nil: undefined }),
            text: fc.option(text, { nil: undefined }),
          }),
          { maxLength: 20 },
        ),
        (results) => {
          const rows = parseCsv(toCsv(results));
          expect(rows).toHaveLength(results.length + 1);
          results.forEach((r, i) => {
            expect(rows[i + 1]).toEqual([
              String(r.row + 1),
              String(r.sampleIndex),
              guarded(r.itemKey),
              String(r.reward),
              guarded(r.errorFlags.join(';')),
              r.label === undefined ? '' : guarded(r.label),
              r.probe === undefined ? '' : guarded(r.probe),
              '',
              r.text === undefined ? '' : guarded(r.text),
            ]);
            expect(Number(rows[i + 1]![3])).toBe(r.reward === 0 ? 0 : r.reward); // -0 reads back as 0
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});
