/**
 * Worked example: turning a family message into a calendar event or a list entry, with recurrence,
 * duplicate and conflict detection, graded field by field. Data only.
 */
import { jsonSample, textSample } from '../helpers.ts';
import type { GalleryExample } from '../types.ts';

const expected = {
  kind: 'event',
  title: 'Swim class (Maya)',
  start: '2025-06-07T09:00',
  recurrence: 'weekly',
  duplicate_of: 'evt_3',
  conflicts_with: ['evt_5'],
};

export const familySchedule: GalleryExample = {
  id: 'family-schedule',
  title: 'Family schedule: event or list, recurrence, duplicates, conflicts',
  useCase: 'A family assistant that files messages into a shared calendar and shopping/to-do lists',
  summary: 'A python grader compares the structured reply with the expected one field by field: the kind gates everything, then date, time, recurrence, duplicate and conflicts earn points out of 20.',
  design: [
    'The reply is JSON with one decision per field, and the fields are independent skills: reading a date relative to today, spotting "every Saturday", noticing the event is already in the calendar, noticing it clashes with another one. Scoring each field separately tells the policy which skill it got right; a single exact match on the whole object would give 0 for almost every reply early in training.',
    'The kind (event or list entry) gates the rest: an event filed as a shopping-list entry is wrong whatever its details, so it gets 0. For events, points out of 20: date 3, time 3, recurrence 4, duplicate_of 5, conflicts 5. Duplicates and conflicts weigh most because they are what a family would notice going wrong.',
    'conflicts_with is a set of event ids scored by F1, so claiming a clash with every event of the day costs precision: here 2.5 of its 5 points. That is a mild penalty; raise the weight of conflicts or score them by exact set if over-flagging becomes a habit. A reply that is not one JSON object (for instance a list holding both an event and a list entry, to cover both readings) gets 0.',
    'List entries are graded too (list name 5, entries by F1 15), so one grader serves the whole dataset; this item is an event.',
  ],
  grader: {
    type: 'python',
    name: 'schedule fields',
    source: String.raw`import json


def f1(got, want):
    got, want = set(got), set(want)
    if not got and not want:
        return 1.0
    return 2 * len(got & want) / (len(got) + len(want))


def grade(sample, item):
    try:
        reply = json.loads(sample["output_text"])
    except ValueError:
        return 0.0
    want = item["expected"]
    if not isinstance(reply, dict) or reply.get("kind") != want["kind"]:
        return 0.0  # one object, of the right kind, or nothing counts
    if want["kind"] == "list":
        entries = [str(e).strip().lower() for e in reply.get("entries") or []]
        points = 5 * (reply.get("list") == want["list"])
        points += 15 * f1(entries, [e.lower() for e in want["entries"]])
        return points / 20
    date, _, time = str(reply.get("start") or "").partition("T")
    want_date, _, want_time = want["start"].partition("T")
    points = 3 * (date == want_date) + 3 * (time == want_time)
    points += 4 * (reply.get("recurrence") == want["recurrence"])
    points += 5 * (reply.get("duplicate_of") == want["duplicate_of"])
    conflicts = reply.get("conflicts_with") or []
    points += 5 * f1(conflicts if isinstance(conflicts, list) else [], want["conflicts_with"])
    return points / 20
`,
  },
  item: {
    today: '2025-06-02 (Monday)',
    message: 'Maya has swim class every Saturday at 9am, starting this week. Can you put it in the calendar?',
    calendar: [
      { id: 'evt_3', title: 'Swim class (Maya)', start: '2025-06-07T09:00', recurrence: 'weekly' },
      { id: 'evt_5', title: "Leo's football match", start: '2025-06-07T09:00', recurrence: 'none' },
      { id: 'evt_8', title: 'Grocery run', start: '2025-06-07T14:00', recurrence: 'none' },
    ],
    instructions:
      'Reply with one JSON object. For an event: {"kind": "event", "title", "start": "YYYY-MM-DDTHH:MM", "recurrence": "none|daily|weekly|monthly", "duplicate_of": <id or null>, "conflicts_with": [<ids>]}. For a list entry: {"kind": "list", "list": "shopping|todo", "entries": [...]}.',
    expected,
  },
  samples: [
    { label: 'good', note: 'Every field right: 20/20 = 1.', sample: jsonSample(expected), expectedReward: 1 },
    {
      label: 'partial',
      note: 'Date, time and the conflict right (11 points), but "every Saturday" read as a one-off and the existing entry not noticed: 11/20 = 0.55.',
      sample: jsonSample({ ...expected, recurrence: 'none', duplicate_of: null }),
      expectedReward: 0.55,
    },
    {
      label: 'partial',
      note: '"This week" read as next week\'s Saturday (date wrong, 3 points lost) and the clash with the football match missed (5 points lost): 12/20 = 0.6.',
      sample: jsonSample({ ...expected, start: '2025-06-14T09:00', conflicts_with: [] }),
      expectedReward: 0.6,
    },
    {
      label: 'partial',
      note: 'Everything right, but a clash claimed with all three events of the day: conflicts F1 = 2 x 1 / (3 + 1) = 0.5, so 2.5 of 5 points: 17.5/20 = 0.875.',
      sample: jsonSample({ ...expected, conflicts_with: ['evt_3', 'evt_5', 'evt_8'] }),
      expectedReward: 0.875,
    },
    {
      label: 'wrong',
      note: 'Filed as a to-do entry: the kind is wrong, so nothing else counts: 0.',
      sample: jsonSample({ kind: 'list', list: 'todo', entries: ['swim class for Maya'] }),
      expectedReward: 0,
    },
    {
      label: 'gaming',
      note: 'Both readings at once, an event and a list entry in one JSON list, hoping one is matched: not one object: 0.',
      sample: textSample(JSON.stringify([expected, { kind: 'list', list: 'todo', entries: ['swim class for Maya'] }])),
      expectedReward: 0,
    },
  ],
  tags: ['python', 'structured output', 'partial credit', 'per-field scoring'],
};
