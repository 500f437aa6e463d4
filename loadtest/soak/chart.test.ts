import { describe, expect, it } from 'vitest';
import { chartPage } from './chart';

describe('chartPage', () => {
  it('inlines uPlot and the samples (no fetch) and keeps a sample from closing the script', () => {
    const html = chartPage(
      [
        {
          t: 60,
          sockets: 1000,
          rssBytes: 2 ** 27,
          heapUsedBytes: 2 ** 26,
          loopLagP99Ms: 12,
          loopLagMaxMs: 30,
        },
      ],
      [60],
      '</script><b>x',
    );
    expect(html).toContain('uPlot');
    expect(html).toContain('"rss":[128]');
    expect(html).not.toMatch(/src=|href=/);
    expect(html.match(/<\/script>/g)?.length).toBe(2);
  });
});
