import { describe, expect, it } from 'vitest';
import { JoinLimits } from './joinLimits';

describe('JoinLimits', () => {
  it('limits one device tightly and lets many devices share an IP', async () => {
    const limits = new JoinLimits({ perIpPerMinute: 500, perDevicePerMinute: 3 });
    for (let i = 0; i < 3; i++) await limits.consume('10.0.0.1', 'device-A-token');
    await expect(limits.consume('10.0.0.1', 'device-A-token')).rejects.toMatchObject({
      code: 'RATE_LIMITED',
    });
    // 400 different phones behind the same shop IP are fine.
    for (let i = 0; i < 400; i++) await limits.consume('10.0.0.2', `device-${i}-token`);
  });

  it('limits an IP once its budget is spent', async () => {
    const limits = new JoinLimits({ perIpPerMinute: 5, perDevicePerMinute: 100 });
    for (let i = 0; i < 5; i++) await limits.consume('10.0.0.3', `d-${i}-token`);
    await expect(limits.consume('10.0.0.3', 'd-new-token')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    await limits.consume('10.0.0.4', 'd-new-token');
  });
});
