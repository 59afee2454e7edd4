/**
 * What a target platform refuses or lacks, for a workspace: OpenAI's RFT / graders API, or Azure AI Foundry's
 * (same schema, same endpoints, its own limits). Each finding cites where the rule is written (spec/foundry.md).
 * Text checks only: it parses the grader and item, runs nothing.
 */
import { isJsonObject, jsonEntries } from '../engine/json.ts';
import { OPENAI_IMAGE_PACKAGES } from '../engine/python/packages.ts';
import type { JsonValue } from '../engine/types.ts';
import { pointerEscape } from '../engine/validate.ts';

export const PLATFORMS = ['openai', 'foundry'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const PLATFORM_LABEL: Record<Platform, string> = { openai: 'OpenAI', foundry: 'Azure AI Foundry' };

export interface PlatformFinding {
  severity: 'error' | 'warning' | 'info';
  pointer: string;
  message: string;
  source: string;
}

const FOUNDRY_GUIDE = 'Azure AI Foundry RFT guide (MicrosoftDocs/azure-ai-docs articles/foundry/openai/includes/how-to-reinforcement-fine-tuning-content.md, 2026-03-19)';
const OPENAI_GUIDE = 'OpenAI graders guide (developers.openai.com/api/docs/guides/graders)';

/** Judge models Foundry's guide lists ("Model graders"). */
export const FOUNDRY_JUDGES = ['gpt-4o-2024-08-06', 'o3-mini-2025-01-31'];
export const FOUNDRY_CODE_LIMIT = 256 * 1024;

/** Top-level modules a python grader may import on both platforms: the standard library plus the image's list. */
const IMAGE_IMPORTS = new Set(OPENAI_IMAGE_PACKAGES.flatMap((p) => p.imports));
const STDLIB = new Set(
  (
    'abc argparse array ast asyncio base64 binascii bisect builtins calendar cmath collections colorsys contextlib copy csv dataclasses datetime ' +
    'decimal difflib enum errno fnmatch fractions functools gc glob hashlib heapq hmac html importlib inspect io ipaddress itertools json keyword ' +
    'linecache locale logging math numbers operator os pathlib pickle platform pprint queue random re reprlib secrets shlex statistics string ' +
    'struct sys textwrap time timeit traceback types typing unicodedata unittest uuid warnings weakref xml zlib zoneinfo __future__'
  ).split(' '),
);

function importsOf(source: string): string[] {
  const out = new Set<string>();
  for (const m of source.matchAll(/^[ \t]*import[ \t]+([A-Za-z_][\w.]*(?:[ \t]*,[ \t]*[A-Za-z_][\w.]*)*)/gm)) {
    for (const name of m[1]!.split(',')) out.add(name.trim().split('.')[0]!);
  }
  for (const m of source.matchAll(/^[ \t]*from[ \t]+([A-Za-z_][\w]*)[\w.]*[ \t]+import\b/gm)) out.add(m[1]!);
  return [...out];
}

interface Located {
  pointer: string;
  grader: Record<string, JsonValue>;
}

function gradersOf(grader: JsonValue): Located[] {
  if (!isJsonObject(grader)) return [];
  const out: Located[] = [{ pointer: '', grader }];
  if (grader.type === 'multi' && isJsonObject(grader.graders)) {
    for (const [k, g] of jsonEntries(grader.graders)) if (isJsonObject(g)) out.push({ pointer: `/graders/${pointerEscape(k)}`, grader: g });
  }
  return out;
}

export function platformFindings(grader: JsonValue, item: JsonValue, platform: Platform): PlatformFinding[] {
  const f: PlatformFinding[] = [];
  const foundry = platform === 'foundry';
  const guide = foundry ? FOUNDRY_GUIDE : OPENAI_GUIDE;
  for (const { pointer, grader: g } of gradersOf(grader)) {
    const at = (p: string) => `${pointer}${p}`;
    if (g.type === 'ast_grep') {
      f.push({ severity: 'error', pointer: at('/type'), message: 'ast_grep is a playground grader: export it as a python grader (Export → OpenAI) to use it here.', source: guide });
    }
    if (g.type === 'python' && typeof g.source === 'string') {
      const bytes = new TextEncoder().encode(g.source).length;
      if (foundry && bytes > FOUNDRY_CODE_LIMIT) {
        f.push({ severity: 'error', pointer: at('/source'), message: `The source is ${bytes} bytes; Foundry's limit for python grader code is 256 KB (${FOUNDRY_CODE_LIMIT} bytes).`, source: guide });
      }
      for (const name of importsOf(g.source)) {
        if (STDLIB.has(name) || IMAGE_IMPORTS.has(name)) continue;
        f.push({
          severity: 'error',
          pointer: at('/source'),
          message: `import ${name}: not in the ${PLATFORM_LABEL[platform]} grader runtime's module list (${OPENAI_IMAGE_PACKAGES.map((p) => `${p.name}==${p.version}`).join(', ')}).`,
          source: guide,
        });
      }
      if (foundry) {
        f.push({ severity: 'info', pointer: at('/source'), message: 'Foundry runs python graders with no network, 2 GB memory, 1 GB disk, 1 core and 2 minutes; too many exceptions fail the training job.', source: guide });
      }
    }
    if ((g.type === 'score_model' || g.type === 'label_model') && foundry && typeof g.model === 'string' && !FOUNDRY_JUDGES.includes(g.model)) {
      f.push({ severity: 'error', pointer: at('/model'), message: `Judge model "${g.model}": Foundry lists ${FOUNDRY_JUDGES.join(' and ')} as grader models.`, source: guide });
    }
    if (g.type === 'label_model' && foundry) {
      f.push({ severity: 'warning', pointer: at('/type'), message: "label_model is not among the graders Foundry's RFT guide documents (score_model is); check it with /graders/validate on Foundry first.", source: guide });
    }
    if (g.type === 'text_similarity' && g.evaluation_metric === 'cosine' && foundry) {
      f.push({ severity: 'warning', pointer: at('/evaluation_metric'), message: "cosine is not in the metrics Foundry's RFT guide lists (its REST reference's enum has it).", source: guide });
    }
  }
  if (foundry) {
    const messages = isJsonObject(item) ? item.messages : undefined;
    if (Array.isArray(messages) && messages.length > 0) {
      const last = messages[messages.length - 1];
      const role = isJsonObject(last) ? last.role : undefined;
      if (role !== 'user') {
        f.push({ severity: 'error', pointer: 'item:/messages', message: `The item's last message has the role ${JSON.stringify(role)}; Foundry's RFT data must end with a user message.`, source: guide });
      }
    }
    f.push({ severity: 'info', pointer: '', message: 'Foundry requires both a training and a validation file for RFT.', source: guide });
  }
  return f;
}
