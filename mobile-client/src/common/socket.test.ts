import { expect, it } from 'vitest';
import { PROTOCOL_VERSION as SHARED_VERSION } from '../../../shared/src/protocol/version';
import { PROTOCOL_VERSION } from './socket';

it("the phone's protocol version is shared/'s", () => {
  expect(PROTOCOL_VERSION).toBe(SHARED_VERSION);
});
