// Progress lines with elapsed time for the project's own scripts (npm start, npm test, npm run bench).
const t0 = Date.now();

const secs = (ms) => `${(ms / 1000).toFixed(1)}s`;

export function info(msg) {
  console.log(`[cloudclinic +${secs(Date.now() - t0)}] ${msg}`);
}

/** Run one named step, printing when it starts and how long it took. */
export async function step(name, fn) {
  const start = Date.now();
  info(`${name} …`);
  try {
    const result = await fn();
    info(`${name}: done in ${secs(Date.now() - start)}${typeof result === 'string' ? ` (${result})` : ''}`);
    return result;
  } catch (err) {
    info(`${name}: FAILED after ${secs(Date.now() - start)}`);
    throw err;
  }
}
