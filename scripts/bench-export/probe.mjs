// Loaded into the measured server process (`node --import`): samples its main thread's heap every 5 ms and, on
// SIGUSR2, prints the peak since the last signal on stderr (`bench-export-probe {...}`) and starts again.
let peak = { heapUsed: 0, external: 0 };
const sample = () => {
  const { heapUsed, external } = process.memoryUsage();
  peak = { heapUsed: Math.max(peak.heapUsed, heapUsed), external: Math.max(peak.external, external) };
};
setInterval(sample, 5).unref();
process.on('SIGUSR2', () => {
  sample();
  process.stderr.write(`bench-export-probe ${JSON.stringify(peak)}\n`);
  peak = { heapUsed: 0, external: 0 };
});
