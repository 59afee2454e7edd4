import { describe, expect, it } from 'vitest';
import { sampleFromModelText } from '../engine/sample.ts';
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import { encodeShare, shareLink, type FetchLike } from './codec.ts';
import { prettyJson, type ShareDoc } from './doc.ts';
import { exportForOpenAI, type OpenAIExport } from './export.ts';
import { importAnything, type Imported, type ImportResult } from './import.ts';
import { workspaceFileText } from './workspace-file.ts';

const GRADER_TEXT = `{
  "type": "multi",
  "name": "tool call ✓",
  "graders": {
    "name": {
      "type": "string_check",
      "name": "name",
      "input": "{{ sample.output_json.fn }}",
      "reference": "{{ item.fn }}",
      "operation": "eq"
    },
    "py": {
      "type": "python",
      "name": "it's python",
      "source": "def grade(sample, item) -> float:\\n    return 1.0 if item['x'] == 2.0 else 0.0\\n"
    }
  },
  "calculate_output": "0.5 * name + 0.5 * py"
}`;
const ITEM_TEXT = '{\n  "fn": "get_weather",\n  "x": 2.0,\n  "big": 123456789012345678901234567890,\n  "text": "naïve 😀 \'quoted\'"\n}';
const MODEL_OUTPUT = '{"fn": "get_weather", "score": 1.0}';
const SAMPLE_TEXT = prettyJson(sampleFromModelText(MODEL_OUTPUT));
const DOC: ShareDoc = { grader: GRADER_TEXT, sample: SAMPLE_TEXT, item: ITEM_TEXT };

function exported(doc: ShareDoc = DOC): OpenAIExport {
  const r = exportForOpenAI(doc);
  if (!r.ok) throw new Error(r.message);
  return r.export;
}

function ok(r: ImportResult): Imported {
  if (!r.ok) throw new Error(r.message);
  return r;
}

async function fails(text: string): Promise<string> {
  const r = await importAnything(text);
  if (r.ok) throw new Error(`expected a failure, got ${r.kind}`);
  return r.message;
}

describe('round trips: export -> import gives the same grader, sample and item', () => {
  it('/graders/run body', async () => {
    const r = ok(await importAnything(exported().runBody));
    expect(r.kind).toBe('run_request');
    expect(r.grader).toBe(GRADER_TEXT);
    expect(r.sample).toBe(SAMPLE_TEXT);
    expect(r.item).toBe(ITEM_TEXT);
    expect(r.notes).toEqual([]);
  });

  it('a minimal sample comes back as the sample OpenAI builds from model_sample', async () => {
    const r = ok(await importAnything(exported({ ...DOC, sample: '{"output_text": "Paris"}' }).runBody));
    expect(r.sample).toBe(prettyJson(sampleFromModelText('Paris')));
  });

  it('/graders/run curl command', async () => {
    const r = ok(await importAnything(exported().runCurl));
    expect(r.kind).toBe('curl');
    expect([r.grader, r.sample, r.item]).toEqual([GRADER_TEXT, SAMPLE_TEXT, ITEM_TEXT]);
    expect(r.notes[0]).toBe('curl: POST https://api.openai.com/v1/fine_tuning/alpha/graders/run.');
  });

  it('/graders/validate body and curl command', async () => {
    const body = ok(await importAnything(exported().validateBody));
    expect(body.kind).toBe('validate_request');
    expect(body.grader).toBe(GRADER_TEXT);
    expect(body.sample).toBeUndefined();
    const curl = ok(await importAnything(exported().validateCurl));
    expect(curl.kind).toBe('curl');
    expect(curl.grader).toBe(GRADER_TEXT);
    expect(curl.sample).toBeUndefined();
  });

  it('fine-tuning job JSON and its curl command (with the comment line above it)', async () => {
    const job = ok(await importAnything(exported().fineTuningJob));
    expect(job.kind).toBe('fine_tuning_job');
    expect(job.grader).toBe(GRADER_TEXT);
    expect(job.notes).toEqual(["Only the grader was imported; the job's model, training_file stay with the job."]);
    const curl = ok(await importAnything(exported().fineTuningCurl));
    expect(curl.kind).toBe('curl');
    expect(curl.grader).toBe(GRADER_TEXT);
  });

  it('workspace file', async () => {
    const file = workspaceFileText({ ...DOC, title: 'Weather', notes: 'n', settings: { ...DEFAULT_SETTINGS, rougeStemming: true } });
    if (!file.ok) throw new Error();
    const r = ok(await importAnything(file.text));
    expect(r.kind).toBe('workspace_file');
    expect([r.grader, r.sample, r.item]).toEqual([GRADER_TEXT, SAMPLE_TEXT, ITEM_TEXT]);
    expect(r.workspace).toMatchObject({ title: 'Weather', notes: 'n', settings: { ...DEFAULT_SETTINGS, rougeStemming: true } });
  });

  it('full share URL, and the bare fragment', async () => {
    const enc = await encodeShare({ ...DOC, title: 'Weather' });
    if (!enc.ok) throw new Error();
    for (const text of [shareLink('https://example.github.io/grader-playground/', enc.fragment), '#' + enc.fragment, enc.fragment]) {
      const r = ok(await importAnything(`  ${text}\n`));
      expect(r.kind).toBe('share_link');
      expect([r.grader, r.sample, r.item]).toEqual([GRADER_TEXT, SAMPLE_TEXT, ITEM_TEXT]);
      expect(r.workspace?.title).toBe('Weather');
    }
  });
});

describe('importAnything: what people paste', () => {
  it('a grader', async () => {
    const r = ok(await importAnything('{"type": "string_check", "name": "x", "input": "a", "reference": "b", "operation": "eq", "pass_threshold": 1.0}'));
    expect(r.kind).toBe('grader');
    expect(r.grader).toContain('"pass_threshold": 1.0');
    expect(r.notes).toEqual([]);
  });

  it('a grader with an unknown type, imported so the editor can explain it', async () => {
    const r = ok(await importAnything('{"type": "string-check", "name": "x"}'));
    expect(r.kind).toBe('grader');
    expect(r.notes[0]).toMatch(/"string-check" is not a grader type/);
  });

  it('an old run request with reference_answer', async () => {
    const r = ok(await importAnything('{"grader": {"type": "string_check"}, "model_sample": "Paris", "reference_answer": "Paris"}'));
    expect(r.kind).toBe('run_request');
    expect(r.item).toBe('{\n  "reference_answer": "Paris"\n}');
    expect(r.sample).toBe(prettyJson(sampleFromModelText('Paris')));
    expect(r.notes.join(' ')).toMatch(/before June 2025.*item\.reference_answer/);
  });

  it('a run request whose model_sample is not a string', async () => {
    const r = ok(await importAnything('{"grader": {"type": "python"}, "model_sample": {"a": 1.0}, "item": {}}'));
    expect(r.sample).toBe(prettyJson(sampleFromModelText('{"a":1.0}')));
    expect(r.notes[0]).toMatch(/model_sample should be a string/);
  });

  it('an older fine-tuning job with method.grader, and a bare method object', async () => {
    const old = ok(await importAnything('{"model": "o4-mini", "method": {"type": "reinforcement", "grader": {"type": "python", "name": "p", "source": "x"}}}'));
    expect(old.kind).toBe('fine_tuning_job');
    expect(old.notes.join(' ')).toMatch(/method\.grader \(an older job shape\)/);
    const method = ok(await importAnything('{"type": "reinforcement", "reinforcement": {"grader": {"type": "python", "name": "p", "source": "x"}}}'));
    expect(method.kind).toBe('fine_tuning_job');
  });

  it('a supervised fine-tuning job has no grader', async () => {
    expect(await fails('{"model": "gpt-4o-mini", "training_file": "file-1", "method": {"type": "supervised", "supervised": {}}}')).toMatch(
      /no grader.*This one is "supervised"/,
    );
  });

  it('a curl command as OpenAI docs write it, with $OPENAI_API_KEY', async () => {
    const cmd = `curl -X POST https://api.openai.com/v1/fine_tuning/alpha/graders/validate \\
  -H "Authorization: Bearer $OPENAI_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{
    "grader": {
      "type": "string_check",
      "name": "Example string check grader",
      "input": "{{sample.output_text}}",
      "reference": "{{item.label}}",
      "operation": "eq"
    }
  }'`;
    const r = ok(await importAnything(cmd));
    expect(r.kind).toBe('curl');
    expect(JSON.parse(r.grader).name).toBe('Example string check grader');
    expect(r.notes.join(' ')).not.toMatch(/API key/);
  });

  it('curl with --data-raw, $\'…\' quoting, -d attached, double quotes and a pipe', async () => {
    const body = '{"grader": {"type": "string_check", "name": "it\'s"}, "model_sample": "a\\nb"}';
    const forms = [
      `curl https://api.openai.com/v1/fine_tuning/alpha/graders/run --data-raw '${body.replace(/'/g, `'\\''`)}'`,
      `curl https://api.openai.com/v1/fine_tuning/alpha/graders/run --data $'${body.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
      `curl -sS https://api.openai.com/v1/fine_tuning/alpha/graders/run -d"${body.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}" | jq .reward`,
      `$ curl --json '${body.replace(/'/g, `'\\''`)}' https://api.openai.com/v1/fine_tuning/alpha/graders/run`,
    ];
    for (const f of forms) {
      const r = ok(await importAnything(f));
      expect(r.kind, f).toBe('curl');
      expect(JSON.parse(r.grader).name, f).toBe("it's");
      expect(r.sample, f).toBe(prettyJson(sampleFromModelText('a\nb')));
    }
  });

  it('a curl command with a literal key: imported, the key dropped and reported', async () => {
    const r = ok(
      await importAnything(`curl https://api.openai.com/v1/fine_tuning/alpha/graders/validate -H 'Authorization: Bearer sk-proj-abcdefghijklmnop1234' -d '{"grader": {"type": "python"}}'`),
    );
    expect(r.notes.join(' ')).toMatch(/looks like an API key; it was not kept.*revoke/);
    expect(JSON.stringify(r)).not.toContain('sk-proj-abcdefghijklmnop1234');
  });

  it('curl commands whose body is elsewhere, or missing', async () => {
    expect(await fails("curl https://api.openai.com/v1/fine_tuning/alpha/graders/run -d @body.json")).toMatch(/reads its body from the file body\.json/);
    expect(await fails("curl https://api.openai.com/v1/fine_tuning/alpha/graders/run --data-binary @- <<'EOF'\n{}\nEOF")).toMatch(/standard input \(@-\)/);
    expect(await fails('curl https://api.openai.com/v1/models')).toMatch(/sends no body/);
    expect(await fails("curl https://x -d '{\"grader\": {\"type\": \"x\"}")).toMatch(/never closed/);
    expect(await fails("curl https://x -d 'grader=1'")).toMatch(/body of this curl command is not JSON/);
    expect(await fails('curl https://x -F file=@a.json')).toMatch(/multipart form/);
  });

  it('the JSON a share link carries, pasted as is', async () => {
    const r = ok(await importAnything('{"grader": {"type": "python"}, "sample": {"output_text": "a"}, "item": {"x": 1.0}}'));
    expect(r.kind).toBe('workspace_file');
    expect(r.item).toBe('{\n  "x": 1.0\n}');
  });

  it('a share link that is broken or from a newer version says so', async () => {
    expect(await fails('https://example.com/#v2.abc')).toMatch(/newer version/);
    const enc = await encodeShare(DOC);
    if (!enc.ok) throw new Error();
    expect(await fails(`https://example.com/#${enc.fragment.slice(0, 60)}`)).toMatch(/incomplete.*cut off/);
    expect(await fails('https://example.com/#v1.aGVsbG8gd29ybGQ')).toMatch(/damaged/);
    expect(await fails('https://example.com/#url=http://evil.example/w.json')).toMatch(/only https/);
  });

  it('a #url= link and a pasted https address load through the given fetch', async () => {
    const fetchImpl: FetchLike = async () => new Response('{"grader_playground": 1, "grader": {"type": "python"}, "sample": {}, "item": {}, "title": "Hosted"}');
    const link = ok(await importAnything('https://app.example/#url=https://raw.githubusercontent.com/a/b/main/w.json', { fetchImpl }));
    expect(link.kind).toBe('share_link');
    expect(link.workspace?.title).toBe('Hosted');
    expect(link.notes[0]).toBe('Loaded from https://raw.githubusercontent.com/a/b/main/w.json.');
    const plain = ok(await importAnything('https://raw.githubusercontent.com/a/b/main/w.json', { fetchImpl }));
    expect(plain.kind).toBe('workspace_file');
  });

  it('anything else: a message saying what was expected', async () => {
    const expected = /Paste a grader JSON .*curl command, a workspace file, or a share link/;
    expect(await fails('')).toMatch(expected);
    expect(await fails('hello world')).toMatch(/not JSON \(line 1, column 1/);
    expect(await fails('hello world')).toMatch(expected);
    expect(await fails("{'type': 'python'}")).toMatch(expected);
    expect(await fails('{"name": "x", "input": "y"}')).toMatch(/with "name", "input"\) is neither a grader/);
    expect(await fails('42')).toMatch(/a number, not an object/);
    expect(await fails('[1, 2]')).toMatch(/a list, not an object/);
    expect(await fails('{"grader": "string_check"}')).toMatch(/"grader" must be an object, but it is a string/);
    expect(await fails('{"grader_playground": 1, "grader": {}}')).toMatch(/no "sample", "item"/);
  });

  it('Python with a grade function, as OpenAI\'s guide prints it, imports as a python grader', async () => {
    const source = 'import json\n\ndef grade(sample, item) -> float:\n    return 1.0 if sample["output_text"] == item["a"] else 0.0\n';
    const r = ok(await importAnything(source));
    expect(r.kind).toBe('python_source');
    expect(JSON.parse(r.grader)).toEqual({ type: 'python', name: 'python_grader', source });
    expect(r.sample).toBeUndefined();
  });

  it('Evals testing_criteria: one grader as it is, several as a multi averaging them', async () => {
    const one = ok(await importAnything('[{"type": "string_check", "name": "x", "input": "a", "reference": "a", "operation": "eq"}]'));
    expect(one.kind).toBe('evals_criteria');
    expect(JSON.parse(one.grader)).toMatchObject({ type: 'string_check', name: 'x' });
    const body = {
      name: 'my eval',
      data_source_config: { type: 'custom' },
      testing_criteria: [
        { type: 'string_check', name: 'Exact match', input: '{{ sample.output_text }}', reference: '{{ item.a }}', operation: 'eq' },
        { type: 'text_similarity', name: '2nd', input: '{{ sample.output_text }}', reference: '{{ item.a }}', evaluation_metric: 'bleu', pass_threshold: 0.5 },
        { note: 'no type' },
      ],
    };
    const many = ok(await importAnything(JSON.stringify(body)));
    const g = JSON.parse(many.grader) as { type: string; graders: Record<string, { name: string }>; calculate_output: string };
    expect(g.type).toBe('multi');
    expect(Object.keys(g.graders)).toEqual(['exact_match', 'c2_2nd']);
    expect(g.graders.c2_2nd!.name).toBe('2nd');
    expect(g.calculate_output).toBe('(exact_match + c2_2nd) / 2');
    expect(many.notes.join(' ')).toMatch(/1 entry of testing_criteria without a "type" was left out/);
  });
});
