/**
 * The model calls one run of a grader makes: which models, how many requests. The app shows this before a
 * workspace that came from elsewhere may use the user's endpoint (one request per model grader, one
 * `/embeddings` request per cosine text_similarity). Pure: reads the grader, calls nothing.
 */
import { DEFAULT_EMBEDDING_MODEL } from './cosine.ts';

export interface ModelCallPlan {
  model: string;
  requests: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The models a grader calls in one run, with the number of requests for each (in first-use order). */
export function modelCallsOf(grader: unknown): ModelCallPlan[] {
  const plan = new Map<string, number>();
  const add = (model: string) => plan.set(model, (plan.get(model) ?? 0) + 1);
  // A multi holds graders one level down (OpenAI allows no deeper nesting); a bounded walk either way.
  const todo: [unknown, number][] = [[grader, 0]];
  while (todo.length > 0) {
    const [g, depth] = todo.pop()!;
    if (!isRecord(g) || depth > 8) continue;
    if (g.type === 'score_model' || g.type === 'label_model') add(typeof g.model === 'string' ? g.model : '(no model named)');
    else if (g.type === 'text_similarity' && g.evaluation_metric === 'cosine') add(DEFAULT_EMBEDDING_MODEL);
    else if (g.type === 'multi' && isRecord(g.graders)) for (const sub of Object.values(g.graders).reverse()) todo.push([sub, depth + 1]);
  }
  return [...plan].map(([model, requests]) => ({ model, requests }));
}

/** The grader text's plan; none when it does not parse (nothing can run then). */
export function modelCallsOfText(text: string): ModelCallPlan[] {
  try {
    return modelCallsOf(JSON.parse(text));
  } catch {
    return [];
  }
}
