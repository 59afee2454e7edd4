import { describe, expect, it } from 'vitest';
import { parseJson } from '../engine/json.ts';
import { sampleFromModelText } from '../engine/sample.ts';
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import type { ShareDoc } from './doc.ts';
import { exportForOpenAI, RUN_URL, VALIDATE_URL, type OpenAIExport } from './export.ts';
import { jsLiteral, pythonLiteral, pythonString } from './literals.ts';
import { splitShellWords } from './shell.ts';

const STRING_CHECK = {
  type: 'string_check',
  name: 'exact',
  input: '{{ sample.output_text }}',
  reference: '{{ item.answer }}',
  operation: 'eq',
};
const j = (v: unknown) => JSON.stringify(v, null, 2);
const DOC: ShareDoc = { grader: j(STRING_CHECK), sample: j({ output_text: "It's Paris" }), item: j({ answer: "It's Paris" }) };

function exp(doc: ShareDoc): OpenAIExport {
  const r = exportForOpenAI(doc);
  if (!r.ok) throw new Error(r.message);
  return r.export;
}

const ids = (e: OpenAIExport) => e.warnings.map((w) => w.id);

describe('exportForOpenAI: bodies and commands', () => {
  it('builds the /graders/run body {grader, model_sample, item}, numbers as written', () => {
    const e = exp({ ...DOC, item: '{"answer": "It\'s Paris", "n": 1.0, "big": 12345678901234567890}' });
    expect(e.runBody).toBe(
      '{\n  "grader": ' +
        j(STRING_CHECK).replace(/\n/g, '\n  ') +
        ',\n  "model_sample": "It\'s Paris",\n  "item": {\n    "answer": "It\'s Paris",\n    "n": 1.0,\n    "big": 12345678901234567890\n  }\n}',
    );
    expect(e.validateBody).toBe(j({ grader: STRING_CHECK }));
  });

  it('writes curl commands that use $OPENAI_API_KEY and quote the body for the shell', () => {
    const e = exp(DOC);
    expect(e.runCurl.split('\n').slice(0, 3)).toEqual([
      `curl ${RUN_URL} \\`,
      '  -H "Content-Type: application/json" \\',
      '  -H "Authorization: Bearer $OPENAI_API_KEY" \\',
    ]);
    expect(e.runCurl).toContain("It'\\''s Paris");
    const words = splitShellWords(e.runCurl);
    expect(words.ok && words.words).toEqual([
      'curl',
      RUN_URL,
      '-H',
      'Content-Type: application/json',
      '-H',
      'Authorization: Bearer $OPENAI_API_KEY',
      '-d',
      e.runBody,
    ]);
    expect(e.validateCurl.startsWith(`curl ${VALIDATE_URL} \\`)).toBe(true);
    expect(e.fineTuningCurl).toMatch(/^# Replace file-\S+ with the id of your uploaded training file\.\ncurl https:\/\/api\.openai\.com\/v1\/fine_tuning\/jobs/);
  });

  it('never contains a key, even when the settings object carries one', () => {
    const secret = 'sk-proj-NEVER-IN-AN-EXPORT-0123456789';
    const e = exp({ ...DOC, settings: { ...DEFAULT_SETTINGS, apiKey: secret } as never });
    expect(JSON.stringify(e)).not.toContain(secret);
  });

  it('puts the grader at method.reinforcement.grader of an o4-mini RFT job', () => {
    const e = exp(DOC);
    const job = JSON.parse(e.fineTuningJob);
    expect(job).toEqual({
      model: 'o4-mini-2025-04-16',
      training_file: expect.stringMatching(/^file-/),
      method: { type: 'reinforcement', reinforcement: { grader: STRING_CHECK } },
    });
    expect(e.fineTuningPython).toContain('client.fine_tuning.jobs.create(');
    expect(e.fineTuningPython).toContain('"reinforcement": {\n            "grader": grader,\n        },');
  });

  it('writes the Python SDK calls with a Python literal (1.0 stays a float)', () => {
    const e = exp({ ...DOC, item: '{"answer": "It\'s Paris", "n": 1.0}' });
    expect(e.python).toContain('client = OpenAI()');
    expect(e.python).toContain('client.fine_tuning.alpha.graders.validate(grader=grader)');
    expect(e.python).toContain('result = client.fine_tuning.alpha.graders.run(\n    grader=grader,\n    model_sample="It\'s Paris",\n    item=item,\n)');
    expect(e.python).toContain('item = {\n    "answer": "It\'s Paris",\n    "n": 1.0,\n}');
    expect(e.python).not.toMatch(/sk-|api_key=/);
  });

  it('writes the Node SDK calls with a JS literal', () => {
    const e = exp(DOC);
    expect(e.node).toContain("import OpenAI from 'openai';");
    expect(e.node).toContain('await openai.fineTuning.alpha.graders.validate({ grader });');
    expect(e.node).toContain('const result = await openai.fineTuning.alpha.graders.run({\n  grader,\n  model_sample: "It\'s Paris",\n  item,\n});');
    const graderExpr = /const grader = ([\s\S]*?);\n\nconst item/.exec(e.node)![1]!;
    expect(new Function(`return ${graderExpr}`)()).toEqual(STRING_CHECK);
  });

  it('says which document is not valid JSON', () => {
    const r = exportForOpenAI({ ...DOC, item: '{oops}' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.doc).toBe('item');
    expect(!r.ok && r.message).toMatch(/^The item is not valid JSON \(line 1, column 2/);
  });
});

describe('exportForOpenAI: model_sample and what /graders/run cannot carry', () => {
  it('sends output_text as model_sample with no warning for a plain sample', () => {
    const e = exp(DOC);
    expect(e.modelSample).toBe("It's Paris");
    expect(e.warnings.filter((w) => w.scope === 'run')).toEqual([]);
  });

  it('accepts the full sample OpenAI derives from model_sample without warnings', () => {
    const e = exp({ ...DOC, sample: j(sampleFromModelText('{"city": "Paris"}')) });
    expect(e.modelSample).toBe('{"city": "Paris"}');
    expect(e.warnings).toEqual([]);
  });

  it('warns that tool calls cannot be sent', () => {
    const e = exp({
      ...DOC,
      sample: j({ output_text: '', output_tools: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] }),
    });
    const w = e.warnings.find((x) => x.id === 'sample-tools')!;
    expect(w).toMatchObject({ pointer: 'sample:/output_tools', scope: 'run' });
    expect(w.message).toMatch(/cannot carry tool calls.*"output_tools": \[\]/);
  });

  it('warns when output_json is not what OpenAI would parse from output_text', () => {
    const reads = { ...DOC, grader: j({ ...STRING_CHECK, input: '{{ sample.output_json.a }}' }) };
    expect(ids(exp({ ...reads, sample: j({ output_text: 'not json', output_json: { a: 1 } }) }))).toContain('sample-json');
    expect(ids(exp({ ...reads, sample: j({ output_text: '{"a": 2}', output_json: { a: 1 } }) }))).toContain('sample-json');
    expect(ids(exp({ ...DOC, sample: j({ output_text: '{"a": 1}', output_json: { a: 1 } }) }))).not.toContain('sample-json');
  });

  it('warns about output_json only for a grader that reads it (a template, python source, or the whole sample)', () => {
    const sample = j({ output_text: 'not json', output_json: { a: 1 } });
    expect(ids(exp({ ...DOC, sample }))).not.toContain('sample-json');
    const python = { type: 'python', name: 'p', source: 'def grade(sample, item):\n    return 1.0 if sample.get("output_json") else 0.0\n' };
    expect(ids(exp({ ...DOC, grader: j(python), sample }))).toContain('sample-json');
    const whole = { ...STRING_CHECK, input: '{{ sample }}' };
    expect(ids(exp({ ...DOC, grader: j(whole), sample }))).toContain('sample-json');
    const multi = { type: 'multi', name: 'm', graders: { a: STRING_CHECK }, calculate_output: 'a' };
    expect(ids(exp({ ...DOC, grader: j(multi), sample }))).not.toContain('sample-json');
    expect(ids(exp({ ...DOC, grader: j({ ...multi, graders: { a: { ...STRING_CHECK, reference: '{{ sample.output_json.a }}' } } }), sample }))).toContain('sample-json');
  });

  it('uses output_json as model_sample when there is no output_text', () => {
    const e = exp({ ...DOC, sample: '{"output_json": {"a": 1.0}}' });
    expect(e.modelSample).toBe('{"a":1.0}');
    expect(ids(e)).toContain('sample-no-text');
  });

  it('warns about other sample fields and custom choices', () => {
    const e = exp({ ...DOC, sample: j({ output_text: 'x', output_audio: 'abc', choices: [{ message: { content: 'y' } }] }) });
    expect(ids(e)).toEqual(expect.arrayContaining(['sample-extra', 'sample-choices']));
    expect(e.warnings.find((w) => w.id === 'sample-extra')!.pointer).toBe('sample:/output_audio');
  });
});

describe('exportForOpenAI: playground-only parts', () => {
  it('leaves pass_threshold out (top level and inside multi), with a warning each', () => {
    const multi = {
      type: 'multi',
      name: 'm',
      graders: { a: { ...STRING_CHECK, pass_threshold: 1 }, 'b/c': STRING_CHECK },
      calculate_output: 'a',
      pass_threshold: 0.5,
    };
    const e = exp({ ...DOC, grader: j(multi) });
    expect(e.grader).toEqual(JSON.parse(j({ ...multi, pass_threshold: undefined, graders: { a: STRING_CHECK, 'b/c': STRING_CHECK } })));
    expect(JSON.parse(e.runBody).grader).not.toHaveProperty('pass_threshold');
    expect(e.warnings.filter((w) => w.id === 'pass-threshold').map((w) => w.pointer)).toEqual(['/pass_threshold', '/graders/a/pass_threshold']);
    expect(e.warnings[0]!.message).toMatch(/only in Evals/);
  });

  it('names "Export as python grader" for ast_grep graders, at the top or in multi', () => {
    const ast = { type: 'ast_grep', name: 'no console.log', language: 'javascript', pattern: 'console.log($$$A)' };
    const top = exp({ ...DOC, grader: j(ast) });
    expect(top.warnings.find((w) => w.id === 'ast-grep')).toMatchObject({ pointer: '/type', alternative: expect.stringMatching(/Export as python grader/) });
    const inMulti = exp({ ...DOC, grader: j({ type: 'multi', name: 'm', graders: { ast }, calculate_output: 'ast' }) });
    expect(inMulti.warnings.find((w) => w.id === 'ast-grep')!.pointer).toBe('/graders/ast/type');
  });

  it('says label_model must sit inside a multi grader outside Evals', () => {
    const label = { type: 'label_model', name: 'tone', model: 'gpt-4o-mini', input: [{ role: 'user', content: 'x' }], labels: ['a', 'b'], passing_labels: ['a'] };
    const w = exp({ ...DOC, grader: j(label) }).warnings.find((x) => x.id === 'label-model-top')!;
    expect(w.message).toMatch(/only in Evals/);
    expect(w.alternative).toMatch(/"type": "multi", "name": "tone", "graders": \{"label": <this grader>\}, "calculate_output": "label"/);
  });

  it('explains each non-default engine setting that matters to the grader, and what OpenAI most likely does', () => {
    const fuzzy = { type: 'text_similarity', name: 'f', input: 'a', reference: 'b', evaluation_metric: 'fuzzy_match' };
    const all = { compactJson: true, fuzzyScorer: 'ratio', fuzzyDefaultProcess: false, rougeStemming: true, sqlLikeWildcards: true } as const;
    const e = exp({ ...DOC, grader: j(fuzzy), settings: { ...DEFAULT_SETTINGS, ...all } });
    // ROUGE stemming and SQL wildcards cannot change a fuzzy_match score: not mentioned.
    expect(ids(e)).toEqual(['setting-compactJson', 'setting-fuzzyScorer', 'setting-fuzzyDefaultProcess']);
    expect(e.warnings[1]!.message).toMatch(/ratio scorer.*most likely uses WRatio/);
    expect(e.warnings[1]!.alternative).toMatch(/rapidfuzz\.fuzz\.ratio/);
    const like = exp({ ...DOC, grader: j({ ...STRING_CHECK, operation: 'like' }), settings: all });
    expect(ids(like)).toEqual(['setting-compactJson', 'setting-sqlLikeWildcards']);
    expect(like.warnings[1]!.message).toMatch(/most likely literal/);
    const rouge = exp({ ...DOC, grader: j({ ...fuzzy, evaluation_metric: 'rouge_l' }), settings: all });
    expect(ids(rouge)).toContain('setting-rougeStemming');
    expect(ids(exp({ ...DOC, settings: DEFAULT_SETTINGS }))).toEqual([]);
  });

  it('warns (for the Node snippet only) about numbers JavaScript cannot send as written', () => {
    const e = exp({ ...DOC, item: '{"score": 1.0, "x": 0.5, "list": [2e3, 3], "big": 9007199254740993}' });
    const node = e.warnings.filter((w) => w.scope === 'node');
    expect(node.map((w) => [w.id, w.pointer])).toEqual([
      ['node-float', 'item:/score'],
      ['node-float', 'item:/list/0'],
      ['node-big-int', 'item:/big'],
    ]);
    expect(node[0]!.message).toMatch(/1\.0 is sent as 1/);
  });
});

describe('literals', () => {
  it('writes Python strings that Python reads back (astral as \\U, controls escaped)', () => {
    expect(pythonString('a"b\\c\nd\te')).toBe('"a\\"b\\\\c\\nd\\te"');
    expect(pythonString('café 😀 日本')).toBe('"café 😀 日本"');
    expect(pythonString('\u0000\u007f\u00a0\u2028\u200b\ufeff')).toBe('"\\x00\\x7f\\xa0\\u2028\\u200b\\ufeff"');
    expect(pythonString('\u{e0001}')).toBe('"\\U000e0001"');
  });
  it('writes Python literals with True/False/None and number lexemes', () => {
    const v = parseJson('{"a": [true, false, null, 1.0, -0, 1E+5, 123456789012345678901], "b": {}, "c": []}');
    if (!v.ok) throw new Error();
    expect(pythonLiteral(v.value)).toBe(
      '{\n    "a": [\n        True,\n        False,\n        None,\n        1.0,\n        -0,\n        1E+5,\n        123456789012345678901,\n    ],\n    "b": {},\n    "c": [],\n}',
    );
  });
  it('keeps a "__proto__" key in the JS literal', () => {
    const v = parseJson('{"__proto__": {"x": 1}, "y": 2}');
    if (!v.ok) throw new Error();
    const lit = jsLiteral(v.value);
    const back = new Function(`return ${lit}`)() as Record<string, unknown>;
    expect(Object.keys(back)).toEqual(['__proto__', 'y']);
  });
});
