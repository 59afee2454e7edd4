/**
 * Interactive lessons for ML engineers new to RFT: short walkthroughs whose steps load a grader, a sample and
 * an item into the editors, ask the user to try something, and recognise from the live result when they did.
 * Data and small check predicates only: no engine runs, no UI. Graders here are string_check,
 * text_similarity and multi, so every check answers in milliseconds (no Python, no model endpoint).
 */
import { jsonSample, textSample } from './helpers.ts';
import type { CheckState, Lesson } from './lesson-types.ts';

export type { CheckState, Lesson, LessonDocs, LessonStep, LessonVisual } from './lesson-types.ts';

// ---------------------------------------------------------------------------------------------------------
// Reading the documents inside checks: the user may have typed anything, so every access is defensive.

function at(value: unknown, ...path: (string | number)[]): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[key];
  }
  return v;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const outputText = (s: CheckState) => str(at(s.sample, 'output_text'));
const clean = (s: CheckState) => s.result !== null && s.errors.length === 0;
const sub = (s: CheckState, key: string): number | undefined => s.result?.sub_rewards[key];

/** How many of `options` a text names (case-insensitive). */
function named(text: string, options: readonly string[]): number {
  const t = text.toLowerCase();
  return options.filter((o) => t.includes(o.toLowerCase())).length;
}

/** The share of the reference's words that the text keeps: a near miss keeps most of them. */
function wordsKept(text: string, reference: string): number {
  const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const have = new Set(words(text));
  const ref = words(reference);
  return ref.length === 0 ? 0 : ref.filter((w) => have.has(w)).length / ref.length;
}

// ---------------------------------------------------------------------------------------------------------
// Shared documents

const CITIES = ['Sydney', 'Melbourne', 'Canberra', 'Perth'];

const capitalItem = {
  question: 'Which city is the capital of Australia? Options: Sydney, Melbourne, Canberra, Perth.',
  options: CITIES,
  answer: 'Canberra',
};

const capitalJsonItem = {
  question: 'Which city is the capital of Australia? Options: Sydney, Melbourne, Canberra, Perth. Reply as JSON {"answer": "<city>"}.',
  options: CITIES,
  answer: 'Canberra',
};

const exactAnswer = {
  type: 'string_check',
  name: 'exact answer',
  input: '{{ sample.output_text }}',
  reference: '{{ item.answer }}',
  operation: 'eq',
};

const MEETING = 'The meeting moved to Thursday at 3 pm.';
const meetingItem = {
  question: 'Summarise the email in one sentence: "Hi all, we are moving Tuesday\'s meeting to Thursday, same time (3 pm)."',
  reference: MEETING,
  day: 'Thursday',
  time: '3 pm',
};

function similarity(metric: string, name = 'close to the reference') {
  return { type: 'text_similarity', name, input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: metric };
}

// ---------------------------------------------------------------------------------------------------------

const whatAGraderSees: Lesson = {
  id: 'what-a-grader-sees',
  title: 'What a grader sees',
  summary: 'A grader reads three JSON documents: the grader itself, one sample (the model’s answer) and one item (the dataset row).',
  steps: [
    {
      title: 'Three documents',
      body: [
        'During reinforcement fine-tuning (RFT), the model answers a prompt from your dataset and a grader turns that answer into a number: the reward. The editors hold the three documents a grader sees.',
        'The grader says how to score. The sample is the model’s output for one prompt; its text is in `output_text`. The item is the dataset row the prompt came from, with the reference data you stored in it.',
        'This grader is a `string_check` with `operation: "eq"`: reward 1 when the two strings are equal, 0 otherwise.',
      ],
      setup: {
        grader: exactAnswer,
        sample: textSample('Lyon'),
        item: { question: 'What is the capital of France? Reply with the city name only.', answer: 'Paris' },
      },
      task: 'The model answered "Lyon" and got 0. Edit the sample so the model answers correctly, and watch the reward turn to 1.',
      check: (s) => s.reward === 1 && at(s.item, 'answer') === 'Paris' && str(at(s.grader, 'input')).includes('sample.'),
      solution: { sample: textSample('Paris') },
    },
    {
      title: 'Templates pick the fields',
      body: [
        '`{{ sample.output_text }}` and `{{ item.answer }}` are templates: before comparing, the grader replaces each one with the value at that path. There are two namespaces, `sample` and `item`; dots and `[0]` walk into objects and lists.',
        'The result panel shows each template and what it rendered to. A path that does not exist is an error (`invalid_variable_error`) with reward 0: the grader never compares against an empty string by accident.',
      ],
      setup: {
        grader: exactAnswer,
        sample: textSample('Canberra'),
        item: { question: 'What is the capital of Australia? Reply with the city name only.', reference: { city: 'Canberra', country: 'Australia' } },
      },
      task: 'This item keeps its answer under `reference.city`, so `{{ item.answer }}` does not exist. Fix the grader’s `reference` template so the right answer scores 1.',
      check: (s) => s.reward === 1 && clean(s) && outputText(s) === 'Canberra' && str(at(s.grader, 'reference')).includes('item.'),
      solution: { grader: { ...exactAnswer, reference: '{{ item.reference.city }}' } },
    },
    {
      title: 'Structured answers: output_json',
      body: [
        'When the model answers in JSON (structured outputs), the sample also holds the parsed object in `output_json`, so a template can read a single field: `{{ sample.output_json.answer }}`.',
        'Comparing the whole `output_text` fails here: it is the full JSON text, not the city.',
      ],
      setup: {
        grader: exactAnswer,
        sample: jsonSample({ answer: 'Canberra', confidence: 'high' }),
        item: capitalJsonItem,
      },
      task: 'Change the grader’s `input` so it compares only the `answer` field, and get a reward of 1.',
      check: (s) =>
        s.reward === 1 && clean(s) && str(at(s.grader, 'input')).includes('output_json') && at(s.item, 'answer') === 'Canberra',
      solution: { grader: { ...exactAnswer, input: '{{ sample.output_json.answer }}' } },
    },
    {
      title: 'Tool calls: output_tools',
      body: [
        'When the model calls a tool instead of writing text, the call is in `output_tools`: a list of calls, each with a `function.name` and its `function.arguments` (a JSON string).',
        'Here `output_text` is empty, so a grader that reads it compares an empty string with the expected tool name.',
      ],
      setup: {
        grader: { ...exactAnswer, name: 'right tool', reference: '{{ item.expected_tool }}' },
        sample: {
          output_text: '',
          output_tools: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Oslo"}' } }],
        },
        item: { question: 'What is the weather in Oslo right now?', expected_tool: 'get_weather' },
      },
      task: 'Point the grader’s `input` at the first tool call’s name (`{{ sample.output_tools[0].function.name }}`) and get a reward of 1.',
      check: (s) => s.reward === 1 && clean(s) && str(at(s.grader, 'input')).includes('output_tools') && at(s.item, 'expected_tool') === 'get_weather',
      solution: { grader: { ...exactAnswer, name: 'right tool', input: '{{ sample.output_tools[0].function.name }}', reference: '{{ item.expected_tool }}' } },
    },
  ],
};

const smoothVersusPassFail: Lesson = {
  id: 'smooth-vs-pass-fail',
  title: 'Smooth scores versus pass/fail',
  summary: 'A right-or-wrong reward says nothing until an answer is fully right; partial credit says how close it is.',
  steps: [
    {
      title: 'Pass/fail: all or nothing',
      body: [
        '`string_check` gives 1 or 0. That fits answers that are simply right or wrong: a city, a number, a multiple-choice letter.',
        'For a longer answer it is harsh: one changed word scores 0, the same as nonsense. On hard prompts every answer in a group may score 0, and then the model has nothing to learn from that prompt.',
      ],
      setup: { grader: { ...exactAnswer, reference: '{{ item.reference }}' }, sample: textSample(MEETING), item: meetingItem },
      task: 'Change one word of the sample. The reward drops straight to 0, as if the answer were nonsense.',
      check: (s) => s.reward === 0 && clean(s) && outputText(s).trim() !== MEETING && wordsKept(outputText(s), MEETING) >= 0.6,
      solution: { sample: textSample('The meeting moved to Friday at 3 pm.') },
    },
    {
      title: 'Smooth: credit for being close',
      body: [
        '`text_similarity` scores how close the text is to a reference, from 0 to 1. The metric here is `rouge_l`: the longest sequence of words both texts share, in order.',
        'A smooth reward ranks a near miss above nonsense, so the model can improve a little at a time instead of waiting for a lucky perfect answer.',
      ],
      setup: { grader: similarity('rouge_l'), sample: textSample('The meeting moved to Friday at 3 pm.'), item: meetingItem },
      task: 'Rewrite the sample so the reward lands between 0.3 and 0.7. Each word you change moves the score a little.',
      check: (s) => s.reward !== null && s.reward >= 0.3 && s.reward <= 0.7 && clean(s),
      solution: { sample: textSample('The meeting is on Thursday.') },
    },
    {
      title: 'Partial credit by parts',
      body: [
        'Similarity is one way to be smooth. Often better: score the parts of the task you can check exactly, and add them up. A `multi` grader runs named sub-graders and combines their rewards with `calculate_output`.',
        'Here the day is worth 0.7 and the time 0.3. Each part is an `ilike` check (the output contains the value, ignoring case); the next lesson shows how such checks can be gamed.',
      ],
      setup: {
        grader: {
          type: 'multi',
          name: 'day and time',
          graders: {
            day: { type: 'string_check', name: 'day', input: '{{ sample.output_text }}', reference: '{{ item.day }}', operation: 'ilike' },
            time: { type: 'string_check', name: 'time', input: '{{ sample.output_text }}', reference: '{{ item.time }}', operation: 'ilike' },
          },
          calculate_output: '0.7 * day + 0.3 * time',
        },
        sample: textSample('The meeting moved to Friday at 10 am.'),
        item: meetingItem,
      },
      task: 'Get a reward of exactly 0.3: the right time with the wrong day. The result panel shows each part’s reward.',
      check: (s) => s.reward !== null && Math.abs(s.reward - 0.3) < 1e-9 && sub(s, 'time') === 1 && sub(s, 'day') === 0,
      solution: { sample: textSample('The meeting moved to Friday at 3 pm.') },
    },
    {
      title: 'A verdict for reports: pass_threshold',
      body: [
        'Often you want both: a smooth reward to train on, and a pass/fail verdict to report. `pass_threshold` adds the verdict without changing the reward: the result panel shows pass or fail next to the score.',
        'A pass rate over an eval set is easy to read and compare; the smooth reward is what the training step uses.',
      ],
      setup: { grader: similarity('rouge_l'), sample: textSample('The meeting moved to Friday at 3 pm.'), item: meetingItem },
      task: 'Add `"pass_threshold": 0.9` to the grader: the near miss keeps its reward but fails. Then fix the sample until it passes.',
      check: (s) => typeof at(s.grader, 'pass_threshold') === 'number' && s.result?.explain?.pass?.passed === true,
      solution: { grader: { ...similarity('rouge_l'), pass_threshold: 0.9 }, sample: textSample(MEETING) },
    },
  ],
};

const exactJsonAnswer = { ...exactAnswer, name: 'the one answer', input: '{{ sample.output_json.answer }}' };
const hedge = 'Sydney, Melbourne, Canberra or Perth';

const rewardHacking: Lesson = {
  id: 'reward-hacking',
  title: 'Reward hacking and how to guard against it',
  summary: 'The model maximises the reward you wrote, not the one you meant: game a grader yourself, then close the gap.',
  steps: [
    {
      title: 'Play the policy',
      body: [
        'During RFT the model is rewarded for whatever your grader scores, and it finds shortcuts you did not intend. This is reward hacking. The cheapest defence is to try to hack your grader yourself before training.',
        'This grader uses `ilike`: reward 1 when the output contains the answer, ignoring case. Reasonable for a quiz, it seems.',
      ],
      setup: {
        grader: { ...exactAnswer, name: 'mentions the answer', operation: 'ilike' },
        sample: textSample('Canberra'),
        item: capitalItem,
      },
      task: 'Write an answer that does not commit to one city (name two or more) but still gets 1.',
      check: (s) => s.reward === 1 && named(outputText(s), CITIES) >= 2,
      solution: { sample: textSample(hedge) },
    },
    {
      title: 'Guard: one answer, compared exactly',
      body: [
        'Ask for a structured answer and compare that one field with `eq`. A hedge is no longer equal to the answer, so it scores 0.',
        'The fix costs an honest model nothing: the right city, alone, still gets 1.',
      ],
      setup: { grader: exactJsonAnswer, sample: jsonSample({ answer: hedge }), item: capitalJsonItem },
      task: 'The hedge now gets 0; try any other trick you like. Then make the honest answer score 1: set `output_json.answer` to "Canberra".',
      check: (s) =>
        s.reward === 1 && clean(s) && at(s.grader, 'operation') === 'eq' && named(str(at(s.sample, 'output_json', 'answer')), CITIES) === 1,
      solution: { sample: jsonSample({ answer: 'Canberra' }) },
    },
    {
      title: 'Similarity is not meaning',
      body: [
        'Text similarity counts shared characters or words. It cannot tell that one small word flips the meaning.',
        'This grader uses `fuzzy_match`, which compares characters (rapidfuzz’s WRatio by default).',
      ],
      setup: { grader: similarity('fuzzy_match'), sample: textSample(MEETING), item: meetingItem },
      task: 'Write a sample that says the opposite (add "not", for example) and still scores above 0.8.',
      check: (s) => s.reward !== null && s.reward > 0.8 && /\b(not|never|no)\b|n['’]t\b/i.test(outputText(s)) && outputText(s).trim() !== MEETING,
      solution: { sample: textSample('The meeting did not move to Thursday at 3 pm.') },
    },
    {
      title: 'Guard: gate the smooth score with hard checks',
      body: [
        'Keep the smooth score, but multiply it by checks that must hold. In this `multi` grader `calculate_output` is `sim * day`: `day` is 1 only when the output names the right day, so a fluent answer with the wrong fact gets 0.',
        'A gate guards only what it checks: this one still misses a "not". Meaning needs a `python` grader with explicit rules or a model judge, and those need the same hacking tests. The Dataset view’s probes run such tests for you.',
      ],
      setup: {
        grader: {
          type: 'multi',
          name: 'close and right day',
          graders: {
            sim: similarity('fuzzy_match', 'sim'),
            day: { type: 'string_check', name: 'day', input: '{{ sample.output_text }}', reference: '{{ item.day }}', operation: 'ilike' },
          },
          calculate_output: 'sim * day',
        },
        sample: textSample(MEETING),
        item: meetingItem,
      },
      task: 'Write a sample that still looks close (`sim` above 0.8) but names the wrong day, and see the reward drop to 0.',
      check: (s) => s.reward === 0 && (sub(s, 'sim') ?? 0) > 0.8 && sub(s, 'day') === 0,
      solution: { sample: textSample('The meeting moved to Friday at 3 pm.') },
    },
  ],
};

const UNRELATED = 'The cat sat on the mat.';

const evalsFirst: Lesson = {
  id: 'evals-first',
  title: 'Evals first: can the grader tell answers apart?',
  summary: 'Before training, grade answers you know are good and wrong: a grader that gives everything the same score teaches nothing.',
  steps: [
    {
      title: 'A grader that always gives 1',
      body: [
        'RFT learns from differences between the rewards of answers to the same prompt. If every answer gets the maximum, or every answer the minimum, no answer is better than another and there is nothing to learn, however good the numbers look.',
        'This grader has a copy-paste slip: both fields read `item.answer`. It validates, runs without errors, and gives 1 to everything.',
      ],
      setup: { grader: { ...exactAnswer, input: '{{ item.answer }}' }, sample: textSample('Sydney'), item: capitalItem },
      task: 'The wrong answer "Sydney" scores 1. Fix the grader’s `input` so that it reads the sample and the wrong answer gets 0.',
      check: (s) =>
        s.reward === 0 && clean(s) && str(at(s.grader, 'input')).includes('sample.') && named(outputText(s), CITIES) >= 1 && !/canberra/i.test(outputText(s)),
      solution: { grader: exactAnswer },
    },
    {
      title: 'A grader that always gives 0',
      body: [
        'The opposite slip is as bad. A typo in a template path is an error, and during training an errored sample simply gets reward 0, like a wrong answer. If every sample errors, every reward is 0: no signal again.',
        'So read the flags in the result panel: a 0 with `invalid_variable_error` is a bug in the grader, not a bad answer.',
      ],
      setup: { grader: { ...exactAnswer, reference: '{{ item.Answer }}' }, sample: textSample('Canberra'), item: capitalItem },
      task: 'This correct answer gets 0 with an error flag. Fix the grader so that it scores 1 with no flags.',
      check: (s) => s.reward === 1 && clean(s) && outputText(s) === 'Canberra',
      solution: { grader: exactAnswer },
    },
    {
      title: 'A grader that barely separates',
      body: [
        'Less obvious: a grader that scores good and bad answers almost alike. With the default settings, `fuzzy_match` gives this unrelated sentence about 0.86 against the reference. The difference to a right answer is small and mostly about spelling, not content.',
        'Grade a few answers you know are wrong before you train. `rouge_l`, which counts shared words in order, tells them apart much better.',
        'The same goes for your prompts: if the base model already gets every one right, or none, training on them teaches little.',
      ],
      setup: { grader: similarity('fuzzy_match'), sample: textSample(UNRELATED), item: meetingItem },
      task: 'Keep the unrelated sample. Switch `evaluation_metric` to `rouge_l` (or try others) until it scores below 0.3.',
      check: (s) =>
        s.reward !== null && s.reward < 0.3 && clean(s) && at(s.grader, 'evaluation_metric') !== 'fuzzy_match' && outputText(s) === UNRELATED,
      solution: { grader: similarity('rouge_l') },
    },
  ],
};

const GAMING = 'Not Sydney or Perth: Canberra, Melbourne';

const changeSafely: Lesson = {
  id: 'change-without-breaking',
  title: 'Change a grader without breaking it',
  summary: 'Pin the answers you care about as tests, then every edit of the grader re-checks them, and a version diff shows what moved.',
  steps: [
    {
      title: 'Pin a case before you change anything',
      body: [
        'A user answers `canberra` in lower case and this exact-match grader gives 0. Before you loosen it, pin what must not change: in the Tests panel under the result, "Add current sample" keeps the sample with the reward it gets now (or "passes the threshold", a range, "scores below" another case).',
        'Every edit of the grader re-checks all tests on the grader worker and shows "n/m tests pass": you see at once what an edit broke. Save a named version under "Versions and diff" too, so you can compare and go back.',
      ],
      setup: { grader: exactAnswer, sample: textSample('canberra'), item: capitalItem },
      task: 'Make the lower-case answer score 1 (try `"operation": "ilike"`), with no error flags.',
      check: (s) => s.reward === 1 && clean(s) && outputText(s) === 'canberra',
      solution: { grader: { ...exactAnswer, operation: 'ilike' } },
    },
    {
      title: 'A fix that opens a loophole',
      body: [
        '`ilike` is a case-insensitive *contains*: this answer names every option and still scores 1. Add it as a test that must stay below the threshold, or "scores below" the right answer.',
        'Tightening the grader back to `eq` closes the loophole but fails your lower-case test: that is what the tests are for. Compare the two versions on your tests to see every reward that changed, the threshold flips, and how well the two rankings agree (Spearman, Kendall).',
      ],
      setup: { grader: { ...exactAnswer, operation: 'ilike' }, sample: textSample(GAMING), item: capitalItem },
      task: 'Make the answer that lists every city score 0 without errors.',
      check: (s) => s.reward === 0 && clean(s) && outputText(s) === GAMING,
      solution: { grader: exactAnswer },
    },
    {
      title: 'Compare before you switch',
      body: [
        'A new metric changes every reward a little, so compare first: under "Versions and diff", pick a saved version (or paste a grader) and grade both on your tests.',
        'You get each test\'s reward under both, the biggest changes, the tests that crossed the threshold, and Spearman and Kendall rank correlations: near 1 means the new grader orders answers as the old one did.',
        'The same check runs in CI: export the tests as `tests.jsonl` and run `grader-playground test --grader G.json --tests tests.jsonl`, which exits 1 when a test fails.',
      ],
      setup: { grader: { type: 'text_similarity', name: 'similar answer', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', evaluation_metric: 'fuzzy_match' }, sample: textSample(GAMING), item: capitalItem },
      task: 'The fuzzy grader gives the list of every city a high score. Switch `evaluation_metric` (try `rouge_l`) until it scores below 0.5.',
      check: (s) => s.reward !== null && s.reward < 0.5 && clean(s) && outputText(s) === GAMING && at(s.grader, 'evaluation_metric') !== 'fuzzy_match',
      solution: { grader: { type: 'text_similarity', name: 'similar answer', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', evaluation_metric: 'rouge_l' } },
    },
  ],
};

const advantagesLesson: Lesson = {
  id: 'group-advantages',
  title: 'From rewards to updates: group-relative advantages',
  summary: 'GRPO-style training samples several answers per prompt and pushes each one by how much better it scored than its group.',
  steps: [
    {
      title: 'A group of answers',
      body: [
        'For each prompt the trainer samples a group of answers (here 4) and grades each one. Each reward becomes an advantage: (reward − group mean) / group standard deviation.',
        'A positive advantage makes that answer more likely, a negative one less likely. Only differences inside the group matter.',
        'Your sample is answer 1 in the table; the other three are fixed. The numbers follow TRL’s GRPO (sample standard deviation, plus 1e-4).',
      ],
      setup: { grader: exactAnswer, sample: textSample('Sydney'), item: capitalItem },
      visual: { kind: 'advantages', rewards: [0, 0, 1], live: true },
      task: 'Make your answer right. Its advantage turns positive, and the other right answer’s advantage shrinks: the credit is now shared.',
      check: (s) => s.reward === 1,
      solution: { sample: textSample('Canberra') },
    },
    {
      title: 'Same reward, no update',
      body: [
        'When every answer in a group gets the same reward, every advantage is 0: the prompt adds nothing to this update, whether all four scored 1 or all four scored 0.',
        'That is why a grader that always gives the same score, or prompts far too easy or too hard for the model, waste training compute.',
      ],
      setup: { grader: exactAnswer, sample: textSample('Canberra'), item: capitalItem },
      visual: { kind: 'advantages', rewards: [1, 1, 1], live: true },
      task: 'Make your answer wrong: the group gets a spread, and the wrong answer is pushed down hard.',
      check: (s) => s.reward === 0 && clean(s),
      solution: { sample: textSample('Perth') },
    },
    {
      title: 'Smooth rewards, finer pushes',
      body: [
        'With a smooth grader every answer gets its own push, in proportion to how far it is above or below the group mean. A pass/fail grader on the same answers could only give two values.',
      ],
      setup: { grader: similarity('rouge_l'), sample: textSample('The meeting is on Thursday.'), item: meetingItem },
      visual: { kind: 'advantages', rewards: [0.25, 0.5, 0.8], live: true },
      task: 'Improve your answer until it has the largest advantage in the group (a reward above 0.8).',
      check: (s) => s.reward !== null && s.reward > 0.8 && clean(s),
      solution: { sample: textSample(MEETING) },
    },
    {
      title: 'Small spreads are amplified',
      body: [
        'Dividing by the standard deviation means only the spread inside the group counts, not its size: rewards 0.9, 0.9, 0.9, 1 give the same advantages as 0, 0, 0, 1.',
        'So tiny differences get a full push. If they are noise (a judge’s mood, a metric’s quirk about punctuation), the model is trained on noise.',
        'This grader gives 0.9 for anything and adds 0.1 for the right city: `calculate_output` is `0.9 + 0.1 * exact`.',
      ],
      setup: {
        grader: {
          type: 'multi',
          name: 'generous floor',
          graders: { exact: exactAnswer },
          calculate_output: '0.9 + 0.1 * exact',
        },
        sample: textSample('Canberra'),
        item: capitalItem,
      },
      visual: { kind: 'advantages', rewards: [0.9, 0.9, 1], live: true },
      task: 'Make your answer wrong. It scores 0.9, only 0.1 below the best, yet its advantage is about −0.5, just what a 0 got in the first step.',
      check: (s) => s.reward !== null && Math.abs(s.reward - 0.9) < 1e-9 && clean(s),
      solution: { sample: textSample('Sydney') },
    },
  ],
};

const trlItem = { question: 'What is the capital of France?', answer: 'Paris', reference: 'The capital of France is Paris.' };
const trlExact = { type: 'string_check', name: 'exact', input: '{{ sample.output_text }}', reference: '{{ item.answer }}', operation: 'ilike' };
const trlOverlap = { type: 'text_similarity', name: 'overlap', input: '{{ sample.output_text }}', reference: '{{ item.reference }}', evaluation_metric: 'rouge_l' };
const trlMulti = (calculate_output: string) => ({ type: 'multi', name: 'capital', graders: { exact: trlExact, overlap: trlOverlap }, calculate_output });
const trlJsonGrader = { type: 'string_check', name: 'answer field', input: '{{ sample.output_json.answer }}', reference: '{{ item.answer }}', operation: 'eq' };

const toTrl: Lesson = {
  id: 'to-a-trl-run',
  title: 'From the playground to a TRL run',
  summary: 'Shape the reward for a trainer, check what the trainer will hand it, then export a reward function whose parity with the playground is proven.',
  steps: [
    {
      title: 'A reward TRL can combine and log',
      body: [
        'Hugging Face TRL’s GRPOTrainer takes Python reward functions. The Train… button writes one from this grader: the same templates, metrics and formula, in a file that runs anywhere.',
        'When `calculate_output` is a weighted sum, the file also offers each sub-grader as its own function with `REWARD_WEIGHTS`, so TRL logs each one. Here the sum gives 2 to a perfect answer.',
      ],
      setup: { grader: trlMulti('exact + overlap'), sample: textSample('The capital of France is Paris.'), item: trlItem },
      task: 'Weigh the two keys so that the perfect answer scores exactly 1, keeping a weighted sum (e.g. `0.5 * exact + 0.5 * overlap`).',
      check: (s) => {
        const f = str(at(s.grader, 'calculate_output'));
        return s.reward === 1 && clean(s) && /\bexact\b/.test(f) && /\boverlap\b/.test(f) && !/min|max|\^/.test(f);
      },
      solution: { grader: trlMulti('0.5 * exact + 0.5 * overlap') },
    },
    {
      title: 'The trainer has only text',
      body: [
        'OpenAI fills `output_json` from structured outputs. A trainer passes the completion as text (or a list of messages), and the exported function builds the sample from that text: `output_json` exists only when the whole completion is JSON.',
        'Here the model wrapped its JSON in prose, so there is no `output_json` and the grade fails with `sample_parse_error`, which trains like a wrong answer. The Train… dialog warns about graders that read `output_json`.',
      ],
      setup: { grader: trlJsonGrader, sample: textSample('Sure! {"answer": "Paris"}'), item: trlItem },
      task: 'Make the sample what a JSON-only completion gives: `output_text` is exactly the JSON, and `output_json` its parse.',
      check: (s) => s.reward === 1 && clean(s) && outputText(s).trim().startsWith('{'),
      solution: { sample: jsonSample({ answer: 'Paris' }) },
    },
    {
      title: 'Export, prove parity, train',
      body: [
        'Open Train…, pick TRL and press Check parity: the file runs in the sandbox’s Python exactly as GRPOTrainer calls it, and every row must give the playground’s reward to 1e-12. Download it, then `GRPOTrainer(reward_funcs=[capital_reward], ...)`.',
        'Before you spend GPU hours, make sure a group of answers gets different rewards: when all answers to a prompt score the same, their advantages are 0 and the step teaches nothing.',
      ],
      setup: { grader: trlMulti('0.5 * exact + 0.5 * overlap'), sample: textSample('The capital of France is Paris.'), item: trlItem },
      task: 'Give a wrong answer (another city) and see it score 0, so a group of right and wrong answers has spread.',
      check: (s) => s.reward === 0 && clean(s) && outputText(s).trim() !== '' && !/paris/i.test(outputText(s)),
      solution: { sample: textSample('Lyon.') },
    },
  ],
};

/** In reading order: what a grader sees, how to shape a reward, how it fails, how to test it and change it safely, what training does with it, where it goes. */
export const LESSONS: readonly Lesson[] = [whatAGraderSees, smoothVersusPassFail, rewardHacking, evalsFirst, changeSafely, advantagesLesson, toTrl];

export function getLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
