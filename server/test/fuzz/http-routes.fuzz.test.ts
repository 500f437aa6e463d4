// HTTP route fuzz, first half of the routes (the other half is http-routes-b.fuzz.test.ts, so vitest runs the two in
// parallel workers); see httpFuzz.ts.
import { describeHttpFuzz } from './httpFuzz';

describeHttpFuzz(0, 2);
