/**
 * How long the edits must pause before a live run of a grader that calls the model endpoint (score_model,
 * label_model, an embedding's cosine, or a multi holding one) goes out: each run is a paid call, and typing
 * must not spend one per keystroke. Ctrl+Enter runs at once. The tests panel's opt-in re-check waits 2 s.
 */
export const MODEL_PAUSE_MS = 1_000;
