// Artillery processor for the Drawcast scenarios: what the YAML steps cannot express. artillery times only
// its own emit→ack round trips; the reveal is a broadcast the phone did not ask for, so its lag needs the
// server's timestamp (revealAt) compared with a clock the phone shares with the server. On loopback every
// process reads the same wall clock, so Date.now() here is server time; real phones would sync first.
import { randomBytes } from 'node:crypto';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';

const reveals = new WeakMap();
const watched = new WeakSet();

/**
 * artillery 2.0.34's socketio engine leaves its one-shot connect handlers on the socket; a reconnect that
 * fails later (a phone dropped under load) calls the step's callback a second time and crashes the whole
 * worker ("Callback was already called"), dropping every phone of that process. Once connected, those
 * handlers are replaced by counters, so a dropped phone is counted instead.
 */
function settle(context, events) {
  const socket = context.sockets?.[''];
  if (!socket || watched.has(socket)) return;
  watched.add(socket);
  socket.off('connect_error');
  socket.off('error');
  socket.on('connect_error', () => events.emit('counter', 'drawcast.reconnect_failed', 1));
  socket.on('disconnect', (reason) => events.emit('counter', `drawcast.disconnect.${reason}`, 1));
}

/** Why: every virtual phone is a new device (one entry each), or with `devicePool` one of a pool that comes back. */
export function newDevice(context, events, done) {
  settle(context, events);
  const pool = Number(context.vars.devicePool ?? 0);
  const worker = process.env.LOADTEST_WORKER ?? '0';
  const id =
    pool > 0 ? `pool-${worker}-${Math.floor(Math.random() * pool)}` : randomBytes(12).toString('base64url');
  context.vars.deviceToken = `lt-${id}`;
  context.vars.nickname = `phone ${id.slice(-8)}`;
  done();
}

/** Why: odds:aggregate broadcasts are what keeps a connected phone busy; counted per run. */
export function countOdds(context, events, done) {
  settle(context, events);
  context.sockets?.['']?.on('odds:aggregate', () => events.emit('counter', 'drawcast.odds_updates', 1));
  done();
}

/**
 * Why: listens for round:reveal from the moment the socket is up. The audience release is revealAt minus
 * the animation lead (no stream delay), so lag = receipt − (revealAt − revealLeadMs); margin = revealAt −
 * receipt is how long before the reveal moment the phone had the result (it must be > 0).
 */
export function watchReveal(context, events, done) {
  const socket = context.sockets?.[''];
  const lead = Number(context.vars.revealLeadMs ?? 0);
  reveals.set(
    context,
    new Promise((resolve) => {
      socket?.on('round:reveal', (reveal) => {
        const now = Date.now();
        events.emit('counter', 'drawcast.reveals', 1);
        events.emit('histogram', 'drawcast.reveal_lag_ms', Math.max(0, now - (reveal.revealAt - lead)));
        events.emit('histogram', 'drawcast.reveal_margin_ms', reveal.revealAt - now);
        resolve(true);
      });
    }),
  );
  done();
}

/** Why: a live-event phone stays until its reveal arrives (or `revealWait` seconds pass: counted as missed). */
export function awaitReveal(context, events, done) {
  const waitMs = Number(context.vars.revealWait ?? 60) * 1000;
  let timer;
  const timeout = new Promise((resolve) => (timer = setTimeout(() => resolve(false), waitMs)));
  void Promise.race([reveals.get(context) ?? timeout, timeout]).then((got) => {
    clearTimeout(timer);
    if (!got) events.emit('counter', 'drawcast.reveal_missed', 1);
    done();
  });
}
