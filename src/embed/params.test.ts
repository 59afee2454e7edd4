import { describe, expect, it } from 'vitest';
import { embedParams, embedSnippets, embedUrlFor } from './params.ts';

describe('embed address', () => {
  it('reads a link fragment, an example, a lesson, a theme and a first view', () => {
    expect(embedParams('', '#v1.abc')).toEqual({ source: { kind: 'link', fragment: 'v1.abc' }, theme: 'auto', view: 'sample' });
    expect(embedParams('?theme=dark&view=grader', '#url=https://x.test/w.json').source).toEqual({ kind: 'link', fragment: 'url=https://x.test/w.json' });
    expect(embedParams('?theme=dark&view=grader', '').theme).toBe('dark');
    expect(embedParams('?theme=dark&view=grader', '').view).toBe('grader');
    expect(embedParams('?theme=purple&view=code', '')).toMatchObject({ theme: 'auto', view: 'sample' });
    expect(embedParams('?example=capital&sample=3', '').source).toEqual({ kind: 'example', id: 'capital', sample: 2 });
    expect(embedParams('?example=capital&sample=0', '').source).toEqual({ kind: 'example', id: 'capital', sample: 0 });
    expect(embedParams('?lesson=reward-hacking', '').source).toEqual({ kind: 'lesson', id: 'reward-hacking' });
    expect(embedParams('?course=judges/spread', '').source).toEqual({ kind: 'course', path: 'judges/spread' });
    // A link in the fragment wins over a query.
    expect(embedParams('?lesson=x', '#v1.abc').source.kind).toBe('link');
    expect(embedParams('', '').source).toEqual({ kind: 'none' });
  });

  it("turns an app link into the embed's address, next to index.html", () => {
    expect(embedUrlFor('https://gp.test/app/#v1.abc')).toBe('https://gp.test/app/embed.html#v1.abc');
    expect(embedUrlFor('https://gp.test/app/index.html?x=1#v1.abc', { theme: 'dark', view: 'grader' })).toBe('https://gp.test/app/embed.html?theme=dark&view=grader#v1.abc');
    expect(embedUrlFor('https://gp.test/#v1.abc', { theme: 'auto', view: 'sample' })).toBe('https://gp.test/embed.html#v1.abc');
  });

  it('gives an iframe that follows the height message, and a Markdown badge to the app', () => {
    const s = embedSnippets('https://gp.test/#v1.a_b-c', 'Capital "quiz" <b>');
    expect(s.embedUrl).toBe('https://gp.test/embed.html#v1.a_b-c');
    expect(s.iframe).toContain('<iframe src="https://gp.test/embed.html#v1.a_b-c" title="Capital  quiz   b"');
    expect(s.iframe).toContain("'grader-playground:height'");
    expect(s.markdown).toBe('[![Open in Grader Playground](https://gp.test/badge.svg)](https://gp.test/#v1.a_b-c) [Capital "quiz" <b>](https://gp.test/#v1.a_b-c)'.replace('Capital "quiz" <b>', 'Capital  quiz   b'));
  });
});
