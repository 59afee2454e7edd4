/** Number formatting for the result panel: the exact value is always available; the display is readable. */
export function formatReward(x: number): string {
  if (Number.isInteger(x)) return x.toFixed(1);
  const short = Number(x.toPrecision(6));
  return String(short);
}

export function formatSeconds(s: number): string {
  if (s < 0.001) return `${(s * 1e6).toFixed(0)} µs`;
  if (s < 1) return `${(s * 1000).toFixed(s < 0.01 ? 2 : 1)} ms`;
  return `${s.toFixed(2)} s`;
}

export const FLAG_LABELS: Record<string, string> = {
  formula_parse_error: 'Formula error',
  sample_parse_error: 'Sample parse error',
  truncated_observation_error: 'Truncated output',
  unresponsive_reward_error: 'No reward (timeout)',
  invalid_variable_error: 'Invalid variable',
  other_error: 'Error',
  python_grader_server_error: 'Python sandbox error',
  python_grader_runtime_error: 'Python runtime error',
  model_grader_server_error: 'Model server error',
  model_grader_refusal_error: 'Model refused',
  model_grader_parse_error: 'Model reply unparseable',
};
