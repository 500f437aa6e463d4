import { describe, expect, it } from 'vitest';
import { createEventSchema } from './schemas';
import { parsePayload } from './validate';

describe('parsePayload', () => {
  it('names the unknown key of a typo as well as the missing field it hides', () => {
    const parsed = parsePayload(createEventSchema, { titel: 'x' });
    expect(parsed).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', field: 'title' });
    if (parsed.ok) throw new Error('parsed');
    expect(parsed.message).toMatch(/^title: /);
    expect(parsed.message).toContain('unknown key: titel');
  });

  it('names an unknown key alone when nothing else is wrong', () => {
    const parsed = parsePayload(createEventSchema, { title: 'x', colour: 'red' });
    expect(parsed).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    if (parsed.ok) throw new Error('parsed');
    expect(parsed.message).toContain('colour');
  });
});
