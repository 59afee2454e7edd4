/**
 * Starter workspaces for the example picker and the first visit. The gallery (src/gallery/) grows into the
 * full set of worked use cases; these are the minimal ones every grader type starts from.
 */
export interface WorkspaceDocs {
  title: string;
  grader: string;
  sample: string;
  item: string;
}

const j = (v: unknown) => JSON.stringify(v, null, 2);

export const STARTERS: Record<string, WorkspaceDocs> = {
  string_check: {
    title: 'Exact answer (string_check)',
    grader: j({
      type: 'string_check',
      name: 'exact answer',
      input: '{{ sample.output_text }}',
      reference: '{{ item.reference_answer }}',
      operation: 'eq',
    }),
    sample: j({ output_text: 'Paris' }),
    item: j({ question: 'What is the capital of France?', reference_answer: 'Paris' }),
  },
  ilike: {
    title: 'Contains, ignoring case (ilike)',
    grader: j({
      type: 'string_check',
      name: 'mentions the city',
      input: '{{ sample.output_text }}',
      reference: '{{ item.city }}',
      operation: 'ilike',
    }),
    sample: j({ output_text: 'The answer is PARIS, of course.' }),
    item: j({ city: 'Paris' }),
  },
  tool_call: {
    title: 'Tool call name (output_tools)',
    grader: j({
      type: 'string_check',
      name: 'function name',
      input: '{{ sample.output_tools[0].function.name }}',
      reference: '{{ item.expected_function }}',
      operation: 'eq',
    }),
    sample: j({
      output_text: '',
      output_tools: [
        { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris", "unit": "c"}' } },
      ],
    }),
    item: j({ expected_function: 'get_weather' }),
  },
  text_similarity: {
    title: 'Fuzzy match (text_similarity)',
    grader: j({
      type: 'text_similarity',
      name: 'close to the reference',
      input: '{{ sample.output_text }}',
      reference: '{{ item.reference_answer }}',
      evaluation_metric: 'fuzzy_match',
    }),
    sample: j({ output_text: 'The Eiffel Tower is in Paris, France.' }),
    item: j({ reference_answer: 'The Eiffel tower is located in Paris.' }),
  },
  python: {
    title: 'Numeric tolerance (python)',
    grader: j({
      type: 'python',
      name: 'numeric answer within 1%',
      source:
        'def grade(sample, item) -> float:\n    try:\n        answer = float(sample["output_text"].strip())\n    except ValueError:\n        return 0.0\n    expected = float(item["answer"])\n    return 1.0 if abs(answer - expected) <= 0.01 * abs(expected) else 0.0\n',
    }),
    sample: j({ output_text: '3.1416' }),
    item: j({ answer: 3.14159 }),
  },
  multi: {
    title: 'Tool call name and arguments (multi)',
    grader: j({
      type: 'multi',
      name: 'tool call',
      graders: {
        function_name: {
          type: 'string_check',
          name: 'name',
          input: '{{ sample.output_tools[0].function.name }}',
          reference: '{{ item.function_name }}',
          operation: 'eq',
        },
        arguments: {
          type: 'string_check',
          name: 'arguments',
          input: '{{ sample.output_tools[0].function.arguments }}',
          reference: '{{ item.arguments }}',
          operation: 'eq',
        },
      },
      calculate_output: '0.5 * function_name + 0.5 * arguments',
    }),
    sample: j({
      output_tools: [{ id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city": "Paris"}' } }],
    }),
    item: j({ function_name: 'get_weather', arguments: '{"city": "Paris"}' }),
  },
};

STARTERS.score_model = {
  title: 'Rubric judge (score_model)',
  grader: j({
    type: 'score_model',
    name: 'rubric',
    model: 'gpt-4.1-2025-04-14',
    input: [
      {
        role: 'system',
        content:
          'You grade answers to geography questions. Score 1 for a correct and complete answer, 0.5 for correct but vague, 0 otherwise.',
      },
      { role: 'user', content: 'Question: {{ item.question }}\nReference: {{ item.reference_answer }}\nAnswer: {{ sample.output_text }}' },
    ],
    range: [0, 1],
    sampling_params: { temperature: 0, seed: 42 },
  }),
  sample: j({ output_text: 'Paris is the capital of France.' }),
  item: j({ question: 'What is the capital of France?', reference_answer: 'Paris' }),
};

export const DEFAULT_STARTER = 'string_check';
