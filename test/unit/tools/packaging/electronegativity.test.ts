import { describe, expect, it } from 'vitest';
import { triage, type Finding } from '../../../../tools/packaging/electronegativity';

const finding = (id: string, file: string, line = 1): Finding => ({ id, file, line, description: id });
const accepted = [{ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/features/shell/open-external.ts', reason: 'https only, checked before the call' }];

describe('triage', () => {
  it('passes accepted findings wherever they move within their file', () => {
    expect(triage([finding('OPEN_EXTERNAL_JS_CHECK', 'main/features/shell/open-external.ts', 40)], accepted)).toEqual({ fresh: [], stale: [] });
  });

  it('fails a new finding, and the same check in another file', () => {
    const fresh = [finding('NODE_INTEGRATION_JS_CHECK', 'main/app/windows.ts'), finding('OPEN_EXTERNAL_JS_CHECK', 'main/app/menu.ts')];
    expect(triage([...fresh, finding('OPEN_EXTERNAL_JS_CHECK', 'main/features/shell/open-external.ts')], accepted)).toEqual({ fresh, stale: [] });
  });

  it('reports an accepted finding that no longer occurs, so the list stays true', () => {
    expect(triage([], accepted)).toEqual({ fresh: [], stale: accepted });
  });
});
