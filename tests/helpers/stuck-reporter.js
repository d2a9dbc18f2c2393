// A jest reporter that stays silent unless a test file runs far longer than any should (the slowest
// takes about 30 s): then it names the file, so a hung run says where it hung.
const STUCK_MS = 180_000;

class StuckReporter {
  timers = new Map();

  onTestFileStart(test) {
    const started = Date.now();
    const timer = setInterval(() => {
      const seconds = Math.round((Date.now() - started) / 1000);
      process.stderr.write(`\nstill running after ${String(seconds)} s: ${test.path}\n`);
    }, STUCK_MS);
    timer.unref();
    this.timers.set(test.path, timer);
  }

  onTestFileResult(test) {
    clearInterval(this.timers.get(test.path));
    this.timers.delete(test.path);
  }

  getLastError() {
    return undefined;
  }
}

module.exports = StuckReporter;
