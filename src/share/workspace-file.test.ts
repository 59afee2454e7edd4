import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../engine/types.ts';
import type { ShareDoc } from './doc.ts';
import { readWorkspaceFile, workspaceFileName, workspaceFileText } from './workspace-file.ts';

const DOC: ShareDoc = {
  title: 'Café: numeric tolerance!',
  notes: 'Line one.\nLine two.',
  grader: '{"type": "python", "name": "p", "source": "def grade(s, i):\\n    return 1.0\\n"}',
  sample: '{"output_text": "3.0"}',
  item: '{"answer": 3.0, "n": 10}',
  settings: { ...DEFAULT_SETTINGS, compactJson: true, apiKey: 'sk-secret-never-in-a-file' } as never,
};

function fileOf(doc: ShareDoc): string {
  const r = workspaceFileText(doc);
  if (!r.ok) throw new Error(r.error.message);
  return r.text;
}

describe('workspaceFileText', () => {
  it('writes the versioned file with the same values as a link, numbers as written, no key', () => {
    const text = fileOf(DOC);
    expect(text).toBe(
      [
        '{',
        '  "grader_playground": 1,',
        '  "title": "Café: numeric tolerance!",',
        '  "notes": "Line one.\\nLine two.",',
        '  "grader": {',
        '    "type": "python",',
        '    "name": "p",',
        '    "source": "def grade(s, i):\\n    return 1.0\\n"',
        '  },',
        '  "sample": {',
        '    "output_text": "3.0"',
        '  },',
        '  "item": {',
        '    "answer": 3.0,',
        '    "n": 10',
        '  },',
        '  "settings": {',
        '    "compactJson": true',
        '  }',
        '}',
        '',
      ].join('\n'),
    );
    expect(text).not.toContain('sk-secret');
  });

  it('names the file after the title', () => {
    expect(workspaceFileText(DOC).ok && (workspaceFileText(DOC) as { filename: string }).filename).toBe('cafe-numeric-tolerance.grader.json');
    expect(workspaceFileName('')).toBe('workspace.grader.json');
    expect(workspaceFileName('日本語')).toBe('workspace.grader.json');
    expect(workspaceFileName('  A / B  ')).toBe('a-b.grader.json');
  });

  it('refuses a document that is not valid JSON, naming it', () => {
    const r = workspaceFileText({ ...DOC, grader: '{"type": ' });
    expect(!r.ok && r.error.doc).toBe('grader');
    expect(!r.ok && r.error.message).toMatch(/^The grader is not valid JSON/);
  });
});

describe('readWorkspaceFile', () => {
  it('reads back what it wrote', () => {
    const r = readWorkspaceFile(fileOf(DOC));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc).toEqual({
      title: DOC.title,
      notes: DOC.notes,
      grader: '{\n  "type": "python",\n  "name": "p",\n  "source": "def grade(s, i):\\n    return 1.0\\n"\n}',
      sample: '{\n  "output_text": "3.0"\n}',
      item: '{\n  "answer": 3.0,\n  "n": 10\n}',
      settings: { ...DEFAULT_SETTINGS, compactJson: true },
      warnings: [],
    });
  });

  it('reads the bare {grader, sample, item} a link carries', () => {
    const r = readWorkspaceFile('{"grader": {}, "sample": {}, "item": {}}');
    expect(r.ok && r.doc.title).toBe('');
  });

  it('says what is wrong with a file that is not a workspace', () => {
    const cases: [string, string, RegExp][] = [
      ['{"grader_playground": 1, ', 'malformed', /This file is not JSON \(line 1, column \d+/],
      ['{"grader_playground": 2, "grader": {}, "sample": {}, "item": {}}', 'future_version', /made by a newer version.*format 2/],
      ['{"grader_playground": "1", "grader": {}, "sample": {}, "item": {}}', 'malformed', /"grader_playground": "1"; expected the format version 1/],
      ['{"grader_playground": 0, "grader": {}, "sample": {}, "item": {}}', 'malformed', /unknown workspace format 0/],
      ['{"grader_playground": 1, "grader": {}, "item": {}}', 'not_a_workspace', /no "sample"/],
      ['{"grader_playground": 1, "grader": [], "sample": {}, "item": {}}', 'not_a_workspace', /"grader" must be an object, but it is a list/],
      ['{"type": "string_check"}', 'not_a_workspace', /A workspace file starts with \{"grader_playground": 1/],
      ['"just a string"', 'not_a_workspace', /holds a string/],
    ];
    for (const [text, kind, message] of cases) {
      const r = readWorkspaceFile(text);
      expect(r.ok, text).toBe(false);
      if (r.ok) continue;
      expect(r.error.kind, text).toBe(kind);
      expect(r.error.message, text).toMatch(message);
    }
  });

  it('fills missing settings with defaults and reports unknown ones', () => {
    const r = readWorkspaceFile('{"grader_playground": 1, "grader": {}, "sample": {}, "item": {}, "settings": {"rougeStemming": true, "newKnob": 1}}');
    if (!r.ok) throw new Error(r.error.message);
    expect(r.doc.settings).toEqual({ ...DEFAULT_SETTINGS, rougeStemming: true });
    expect(r.doc.warnings).toEqual(['The setting "newKnob" is not known to this version and was ignored.']);
  });
});

describe('key order', () => {
  it('a workspace file keeps the order of integer-like keys', () => {
    const file = workspaceFileText({ grader: '{"type": "string_check"}', sample: '{"output_json": {"b": 1, "0": 2}}', item: '{"2": 0, "1": 1}' });
    if (!file.ok) throw new Error('not written');
    expect(file.text).toContain('"output_json": {\n      "b": 1,\n      "0": 2\n    }');
    const opened = readWorkspaceFile(file.text);
    expect(opened.ok && opened.doc.item).toBe('{\n  "2": 0,\n  "1": 1\n}');
  });
});
