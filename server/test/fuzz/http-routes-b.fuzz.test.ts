// HTTP route fuzz, second half of the routes (first half: http-routes.fuzz.test.ts); see httpFuzz.ts.
import { describeHttpFuzz } from './httpFuzz';

describeHttpFuzz(1, 2);
