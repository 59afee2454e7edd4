import { describe, expect, it } from 'vitest';
import { metaVariableNames } from './metavars.ts';

describe('metaVariableNames', () => {
  it('sorts `$A`/`$$A` into singles and `$$$A` into multis', () => {
    expect(metaVariableNames('f($A, $$B, $$$REST)')).toStrictEqual({ single: ['A', 'B'], multi: ['REST'], transformed: [] });
  });

  it('skips non-capturing names and things that are not metavariables', () => {
    // `$_`, `$$$_X` never capture; `$foo`, `$1`, `$Abc`, `a$B` are ordinary code (spec §1).
    expect(metaVariableNames('f($_, $$$_X, $foo, $1, $Abc, a$B, $$$)')).toStrictEqual({ single: [], multi: [], transformed: [] });
  });

  it('collects from every pattern in a rule config, contextual ones and constraints included', () => {
    const names = metaVariableNames({
      rule: {
        any: [{ pattern: 'a($X)' }, { pattern: { context: 'class A { $M() {} }', selector: 'method_definition' } }],
        inside: { pattern: 'useEffect($$$BODY)', stopBy: 'end' },
        not: { has: { regex: '$NOT_A_PATTERN' } },
      },
      constraints: { X: { pattern: '$Y + 1' } },
      transform: { NEW: { substring: { source: '$X', startChar: 1 } } },
    });
    expect(names).toStrictEqual({ single: ['X', 'M', 'Y'], multi: ['BODY'], transformed: ['NEW'] });
  });
});
